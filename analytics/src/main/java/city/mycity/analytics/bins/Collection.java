package city.mycity.analytics.bins;

import java.time.LocalDateTime;

/**
 * A bin emptied: when, and how full it was just before and just after (percent of the sensor's range; the sensors
 * read 100% well before the brim).
 */
public record Collection(LocalDateTime time, double fillBefore, double fillAfter) implements java.io.Serializable {}
