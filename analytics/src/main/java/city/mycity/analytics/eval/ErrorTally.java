package city.mycity.analytics.eval;

/**
 * The absolute errors of one forecaster at one horizon, summed: their mean, and their mean relative to a scale (a
 * car park's capacity) pooled over every forecast (the sum of the errors over the sum of the scales). Not thread-safe.
 */
public final class ErrorTally {

    private long count;
    private double errors;
    private double scales;

    public void add(double predicted, double actual, double scale) {
        count++;
        errors += Math.abs(predicted - actual);
        scales += scale;
    }

    public long count() {
        return count;
    }

    /** The mean absolute error; NaN before the first forecast. */
    public double meanAbsoluteError() {
        return count == 0 ? Double.NaN : errors / count;
    }

    /** The errors as a percentage of the scales, pooled; NaN before the first forecast. */
    public double percentOfScale() {
        return scales == 0 ? Double.NaN : 100 * errors / scales;
    }
}
