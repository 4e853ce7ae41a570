package city.mycity.bench.pipeline;

import city.mycity.bench.BenchListener;
import city.mycity.bench.BenchOptions;
import city.mycity.bench.services.BrokerEndpoint;
import city.mycity.bench.services.DatabaseEndpoint;
import city.mycity.citymodel.CityModel;
import java.util.Map;
import javax.sql.DataSource;

/**
 * What every pipeline run shares: the registered town, the services, the bench's options, the job's metrics and the
 * processes whose CPU counts.
 *
 * @param clientPrefix the start of every MQTT client id of the run ({@code bench-1a2b3c-}), unique per bench
 */
public record PipelineContext(
        CityModel city,
        BrokerEndpoint broker,
        DatabaseEndpoint database,
        DataSource dataSource,
        BenchOptions options,
        LagMeter meter,
        Map<String, Long> processes,
        String clientPrefix,
        BenchListener listener) {

    /** The start of the simulator's client ids: Paho names its threads after them, which tells its CPU apart. */
    public String simulatorPrefix() {
        return clientPrefix + "sim-";
    }
}
