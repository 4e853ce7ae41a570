package city.mycity.stream;

import city.mycity.reading.Reading;
import city.mycity.stream.ingest.RefusalRow;
import city.mycity.stream.parking.CarParkForecast;
import city.mycity.stream.parking.Occupancy;
import city.mycity.stream.parking.Scope;
import city.mycity.stream.sink.ForecastStatement;
import city.mycity.stream.sink.JdbcBatchSink;
import city.mycity.stream.sink.JdbcConnector;
import city.mycity.stream.sink.OccupancyMinuteStatement;
import city.mycity.stream.sink.OccupancyStatement;
import city.mycity.stream.sink.ReadingStatement;
import city.mycity.stream.sink.RefusalStatement;
import city.mycity.stream.sink.SensorStateStatement;
import java.time.Duration;
import org.apache.flink.api.connector.sink2.Sink;

/** Where the {@link ReadingsJob} writes each of its outputs. */
public record Sinks(
        Sink<Reading> readings,
        Sink<Reading> sensorState,
        Sink<Occupancy> carParkOccupancy,
        Sink<Occupancy> zoneOccupancy,
        Sink<CarParkForecast> carParkForecasts,
        Sink<Occupancy> occupancyMinutes,
        Sink<RefusalRow> refusals) {

    /**
     * The PostgreSQL tables of the schema, each written in batches of at most {@code batchSize} rows; the latest state
     * of each sensor, car park and zone once per key and checkpoint ({@link StreamSettings#STATE_INTERVAL}'s default).
     */
    public static Sinks jdbc(JdbcConnector connector, int batchSize) {
        return jdbc(connector, batchSize, StreamSettings.STATE_INTERVAL.defaultValue());
    }

    /**
     * The PostgreSQL tables of the schema, each written in batches of at most {@code batchSize} rows. The latest state
     * of each sensor, car park and zone is written once per key and {@code stateInterval}, the newest one.
     */
    public static Sinks jdbc(JdbcConnector connector, int batchSize, Duration stateInterval) {
        return new Sinks(
                JdbcBatchSink.builder(connector, new ReadingStatement())
                        .batchSize(batchSize)
                        .build(),
                JdbcBatchSink.builder(connector, new SensorStateStatement())
                        .batchSize(batchSize)
                        .keepNewest(SensorStateStatement.PER_SENSOR)
                        .writeEvery(stateInterval)
                        .build(),
                JdbcBatchSink.builder(connector, OccupancyStatement.forScope(Scope.CAR_PARK))
                        .batchSize(batchSize)
                        .keepNewest(OccupancyStatement.PER_SCOPE)
                        .writeEvery(stateInterval)
                        .build(),
                JdbcBatchSink.builder(connector, OccupancyStatement.forScope(Scope.ZONE))
                        .batchSize(batchSize)
                        .keepNewest(OccupancyStatement.PER_SCOPE)
                        .writeEvery(stateInterval)
                        .build(),
                JdbcBatchSink.builder(connector, new ForecastStatement())
                        .batchSize(batchSize)
                        .keepNewest(ForecastStatement.PER_HORIZON)
                        .writeEvery(stateInterval)
                        .build(),
                JdbcBatchSink.builder(connector, new OccupancyMinuteStatement())
                        .batchSize(batchSize)
                        .keepNewest(OccupancyMinuteStatement.PER_MINUTE)
                        .writeEvery(stateInterval)
                        .build(),
                JdbcBatchSink.builder(connector, new RefusalStatement())
                        .batchSize(batchSize)
                        .build());
    }
}
