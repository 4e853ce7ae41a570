package city.mycity.analytics.eval;

/** How much lower one error is than another's, as a share of the other. */
public final class Improvement {

    private Improvement() {}

    /** {@code 1 - model / baseline}: 0.1 when the model's error is 10% lower than the baseline's. */
    public static double over(double baseline, double model) {
        return 1 - model / baseline;
    }
}
