package city.mycity.stream;

import city.mycity.reading.Reading;
import city.mycity.stream.ingest.RefusalRow;
import city.mycity.stream.parking.Occupancy;
import city.mycity.stream.parking.Scope;
import city.mycity.stream.sink.JdbcBatchSink;
import city.mycity.stream.sink.JdbcConnector;
import city.mycity.stream.sink.OccupancyStatement;
import city.mycity.stream.sink.ReadingStatement;
import city.mycity.stream.sink.RefusalStatement;
import city.mycity.stream.sink.SensorStateStatement;
import org.apache.flink.api.connector.sink2.Sink;

/** Where the {@link ReadingsJob} writes each of its outputs. */
public record Sinks(
        Sink<Reading> readings,
        Sink<Reading> sensorState,
        Sink<Occupancy> carParkOccupancy,
        Sink<Occupancy> zoneOccupancy,
        Sink<RefusalRow> refusals) {

    /**
     * The most keys a sink of the latest state (of a sensor, a car park, a zone) holds before it writes them; it
     * writes them at each checkpoint in any case.
     */
    static final int MOST_KEYS_HELD = 50_000;

    /**
     * The PostgreSQL tables of the schema, each written in batches of at most {@code batchSize} rows. The latest state
     * of each sensor, car park and zone is written once per key and checkpoint, the newest one.
     */
    public static Sinks jdbc(JdbcConnector connector, int batchSize) {
        return new Sinks(
                JdbcBatchSink.builder(connector, new ReadingStatement())
                        .batchSize(batchSize)
                        .build(),
                JdbcBatchSink.builder(connector, new SensorStateStatement())
                        .batchSize(batchSize)
                        .keepNewest(SensorStateStatement.PER_SENSOR, MOST_KEYS_HELD)
                        .build(),
                JdbcBatchSink.builder(connector, OccupancyStatement.forScope(Scope.CAR_PARK))
                        .batchSize(batchSize)
                        .keepNewest(OccupancyStatement.PER_SCOPE, MOST_KEYS_HELD)
                        .build(),
                JdbcBatchSink.builder(connector, OccupancyStatement.forScope(Scope.ZONE))
                        .batchSize(batchSize)
                        .keepNewest(OccupancyStatement.PER_SCOPE, MOST_KEYS_HELD)
                        .build(),
                JdbcBatchSink.builder(connector, new RefusalStatement())
                        .batchSize(batchSize)
                        .build());
    }
}
