package city.mycity.bench.pipeline;

import java.util.List;

/**
 * How the pipeline kept up with one rate, judged over the samples after the settle time.
 *
 * @param target the rate asked of the simulator, readings/s
 * @param sentRate readings/s the broker acknowledged
 * @param storedRate readings/s the job committed
 * @param backlogSlope growth of the backlog (sent − stored), readings/s, by least squares
 * @param backlog the backlog at the end
 * @param seconds length of the judged window
 * @param sustained whether the simulator sent the rate and the backlog stayed flat
 * @param reason in words: "flat", or what failed
 */
public record StepVerdict(
        double target,
        double sentRate,
        double storedRate,
        double backlogSlope,
        long backlog,
        double seconds,
        boolean sustained,
        String reason) {

    /** The backlog may grow by at most this share of the rate (2 %) and still count as flat. */
    public static final double FLAT_SHARE = 0.02;
    /** The simulator must send at least this share of the rate (95 %). */
    public static final double SENT_SHARE = 0.95;

    /** Judges the samples taken at or after {@code settleSeconds}; needs at least two of them. */
    public static StepVerdict judge(double target, List<BacklogSample> samples, double settleSeconds) {
        List<BacklogSample> window =
                samples.stream().filter(s -> s.seconds() >= settleSeconds).toList();
        if (window.size() < 2) {
            throw new IllegalArgumentException(
                    "Judging a step needs two samples after the settle time, but there were " + window.size() + ".");
        }
        BacklogSample first = window.get(0);
        BacklogSample last = window.get(window.size() - 1);
        double seconds = last.seconds() - first.seconds();
        double sentRate = (last.sent() - first.sent()) / seconds;
        double storedRate = (last.stored() - first.stored()) / seconds;
        double slope = slope(window);
        double tolerance = Math.max(FLAT_SHARE * target, 20);
        boolean sentEnough = sentRate >= SENT_SHARE * target;
        boolean flat = slope <= tolerance;
        String reason;
        if (!sentEnough) {
            reason = String.format("sent only %.0f %% of the rate", 100 * sentRate / target);
        } else if (!flat) {
            reason = String.format("backlog grows %,.0f/s", slope);
        } else {
            reason = "flat";
        }
        return new StepVerdict(
                target, sentRate, storedRate, slope, last.backlog(), seconds, sentEnough && flat, reason);
    }

    /** A step may stop early when its backlog grows by more than this share of the rate (20 %) per second. */
    public static final double FAR_BEHIND_SHARE = 0.2;

    /**
     * Whether the pipeline is so far behind that holding longer would not change the verdict: the backlog grows by
     * more than {@link #FAR_BEHIND_SHARE} of the rate per second, or the simulator sends less than 80 % of it.
     */
    public boolean clearlyBehind() {
        return backlogSlope > FAR_BEHIND_SHARE * target || sentRate < (1 - FAR_BEHIND_SHARE) * target;
    }

    /** This verdict, failed, with "(stopped early)" in its reason. */
    public StepVerdict stoppedEarly() {
        return new StepVerdict(
                target, sentRate, storedRate, backlogSlope, backlog, seconds, false, reason + " (stopped early)");
    }

    /** The least-squares slope of the backlog over time. */
    static double slope(List<BacklogSample> samples) {
        int n = samples.size();
        double meanT =
                samples.stream().mapToDouble(BacklogSample::seconds).average().orElse(0);
        double meanB =
                samples.stream().mapToDouble(BacklogSample::backlog).average().orElse(0);
        double covariance = 0;
        double variance = 0;
        for (BacklogSample s : samples) {
            double dt = s.seconds() - meanT;
            covariance += dt * (s.backlog() - meanB);
            variance += dt * dt;
        }
        return n < 2 || variance == 0 ? 0 : covariance / variance;
    }
}
