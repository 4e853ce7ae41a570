package city.mycity.storage.history;

import java.time.Instant;

/**
 * One bucket of a history: its start and the readings in it.
 *
 * @param start the bucket's first instant
 * @param readings how many readings it holds
 * @param devices how many devices they came from (1 for a sensor's history)
 * @param mean their mean value
 * @param min their smallest value
 * @param max their largest value
 */
public record HistoryBucket(Instant start, long readings, int devices, double mean, double min, double max) {}
