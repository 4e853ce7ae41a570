package city.mycity.analytics.eval;

import java.util.List;

/**
 * Ordinary least squares with a little ridge, by the normal equations and Gaussian elimination: enough for models of
 * a handful of features. Each feature is scaled to its largest magnitude first, so that counts in the thousands and a
 * constant of 1 weigh alike in the ridge.
 */
public final class LeastSquares {

    /** The ridge, relative to the scaled features' squares. */
    static final double RIDGE = 1e-6;

    private LeastSquares() {}

    /**
     * The coefficients {@code b} that minimise the squared error of {@code x b} against {@code y}.
     *
     * @param x one row of features per example, all of the same length
     * @throws IllegalArgumentException when there are no examples or the rows differ in length
     */
    public static double[] fit(List<double[]> x, List<Double> y) {
        if (x.isEmpty() || x.size() != y.size()) {
            throw new IllegalArgumentException("Least squares needs as many targets as rows, and at least one.");
        }
        int n = x.get(0).length;
        double[] scale = new double[n];
        for (double[] row : x) {
            if (row.length != n) {
                throw new IllegalArgumentException("Every row must have " + n + " features.");
            }
            for (int j = 0; j < n; j++) {
                scale[j] = Math.max(scale[j], Math.abs(row[j]));
            }
        }
        for (int j = 0; j < n; j++) {
            scale[j] = scale[j] == 0 ? 1 : scale[j];
        }
        double[][] a = new double[n][n + 1];
        for (int i = 0; i < x.size(); i++) {
            double[] row = x.get(i);
            for (int j = 0; j < n; j++) {
                double xj = row[j] / scale[j];
                for (int k = 0; k < n; k++) {
                    a[j][k] += xj * row[k] / scale[k];
                }
                a[j][n] += xj * y.get(i);
            }
        }
        for (int j = 0; j < n; j++) {
            a[j][j] += RIDGE * x.size();
        }
        double[] b = solve(a, n);
        for (int j = 0; j < n; j++) {
            b[j] /= scale[j];
        }
        return b;
    }

    /** The product of a row of features and coefficients. */
    public static double predict(double[] coefficients, double[] features) {
        double sum = 0;
        for (int j = 0; j < coefficients.length; j++) {
            sum += coefficients[j] * features[j];
        }
        return sum;
    }

    /** Solves the augmented system {@code a} (n rows, n + 1 columns) with partial pivoting. */
    private static double[] solve(double[][] a, int n) {
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            for (int row = col + 1; row < n; row++) {
                double factor = a[row][col] / a[col][col];
                for (int k = col; k <= n; k++) {
                    a[row][k] -= factor * a[col][k];
                }
            }
        }
        double[] b = new double[n];
        for (int row = n - 1; row >= 0; row--) {
            double sum = a[row][n];
            for (int k = row + 1; k < n; k++) {
                sum -= a[row][k] * b[k];
            }
            b[row] = sum / a[row][row];
        }
        return b;
    }
}
