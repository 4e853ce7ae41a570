package city.mycity.bench.pipeline;

/**
 * What had been sent and stored at one moment of a step.
 *
 * @param seconds since the step began
 * @param sent readings the broker acknowledged to the simulator
 * @param stored readings the job committed ({@code mycity.readings.stored})
 */
public record BacklogSample(double seconds, long sent, long stored) {

    /** Readings sent but not stored yet. */
    public long backlog() {
        return sent - stored;
    }
}
