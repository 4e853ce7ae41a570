package city.mycity.reading;

/**
 * The metric names every module uses, so that a dashboard can follow a reading from edge to store. In Prometheus
 * format they appear with dots as underscores and counters end in {@code _total}, e.g. {@code
 * mycity_readings_refused_total{reason="value_out_of_range"}}.
 *
 * <p>For every stage: received = stored + duplicate + refused (+ failed, the rows a stage had to drop; zero in normal
 * operation and worth an alert otherwise) + held − released − expired (the readings of devices not yet known, waiting
 * for the registry).
 */
public final class ReadingMetrics {

    /** Counter: readings a stage received (a message that cannot be read counts as one). Tag {@link #STAGE}. */
    public static final String RECEIVED = "mycity.readings.received";
    /** Counter: readings refused, tagged with {@link #REASON} and {@link #STAGE}. */
    public static final String REFUSED = "mycity.readings.refused";
    /** Counter: readings stored for the first time. */
    public static final String STORED = "mycity.readings.stored";
    /** Counter: readings that were already stored and were not stored again. */
    public static final String DUPLICATE = "mycity.readings.duplicate";
    /** Timer: from device time to the moment the reading was stored. */
    public static final String LAG = "mycity.readings.lag";
    /** Counter: messages forwarded (edge agent, simulator). Tag {@link #STAGE}. */
    public static final String FORWARDED = "mycity.messages.forwarded";
    /**
     * Counter: messages or rows a stage could not pass on. At the edge, nothing was wrong with them (broker down,
     * publish timed out) and the sender was told to try again; in the stream job, rows the database refused as data
     * errors were dropped and logged, so that one bad row never stops the pipeline. Tag {@link #STAGE}.
     */
    public static final String FAILED = "mycity.messages.failed";

    /** Counter: readings held because their device is not (yet) known or not behind that gateway. */
    public static final String HELD = "mycity.readings.held";
    /** Counter: held readings that the registry made acceptable and that went on to be stored. */
    public static final String RELEASED = "mycity.readings.released";
    /** Counter: held readings refused at the end of their grace period (also counted as refused). */
    public static final String EXPIRED = "mycity.readings.expired";

    /** Tag: the refusal reason's {@link RefusalReason#code()}. */
    public static final String REASON = "reason";
    /** Tag: the part of the platform that counts, e.g. {@code edge}, {@code stream}, {@code simulator}. */
    public static final String STAGE = "stage";

    private ReadingMetrics() {}
}
