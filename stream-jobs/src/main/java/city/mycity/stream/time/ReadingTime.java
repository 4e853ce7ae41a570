package city.mycity.stream.time;

import city.mycity.reading.Reading;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/** Event time for readings: their device time, with watermarks that allow for readings out of order. */
public final class ReadingTime {

    private ReadingTime() {}

    /**
     * Watermarks {@code outOfOrderness} behind the newest device time seen, and a source split with no reading for a
     * minute does not hold the others back.
     */
    public static WatermarkStrategy<Reading> watermarks(Duration outOfOrderness) {
        return WatermarkStrategy.<Reading>forBoundedOutOfOrderness(outOfOrderness)
                .withTimestampAssigner((reading, previous) -> reading.time().toEpochMilli())
                .withIdleness(Duration.ofMinutes(1));
    }
}
