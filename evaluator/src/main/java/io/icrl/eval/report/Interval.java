package io.icrl.eval.report;

/**
 * A mean over independent runs with its two-sided 95% Student-t confidence interval. With one run
 * the interval collapses to the mean; with none every field is NaN.
 *
 * @param mean the sample mean
 * @param low lower end of the interval
 * @param high upper end of the interval
 * @param n the number of runs
 */
public record Interval(double mean, double low, double high, int n) {
  // t_{0.975, df} for df = 1..30.
  private static final double[] T975 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306,
      2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080,
      2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};

  /** The mean and 95% interval of {@code xs[0 .. n)}. */
  public static Interval of(double[] xs, int n) {
    if (n == 0) {
      return new Interval(Double.NaN, Double.NaN, Double.NaN, 0);
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += xs[i];
    }
    double mean = sum / n;
    if (n == 1) {
      return new Interval(mean, mean, mean, 1);
    }
    double ss = 0;
    for (int i = 0; i < n; i++) {
      double d = xs[i] - mean;
      ss += d * d;
    }
    double half = t975(n - 1) * Math.sqrt(ss / (n - 1) / n);
    return new Interval(mean, mean - half, mean + half, n);
  }

  /** The mean and 95% interval of all of {@code xs}. */
  public static Interval of(double[] xs) {
    return of(xs, xs.length);
  }

  /**
   * The 97.5% quantile of Student's t with {@code df} degrees of freedom: tabulated to 30, then
   * {@code 1.96 + 2.4 / df} (within 0.003 of the exact value).
   */
  static double t975(int df) {
    return df <= 30 ? T975[df - 1] : 1.959964 + 2.4 / df;
  }
}
