package io.icrl.tasks.generate;

import java.util.Arrays;

/**
 * Spearman's rank correlation as {@code scipy.stats.spearmanr} computes it for two vectors: the
 * Pearson correlation of the ranks, tied values sharing their average rank; {@code NaN} when a
 * vector is constant.
 */
final class Spearman {
  private Spearman() {}

  static double correlation(double[] x, double[] y) {
    double[] rx = ranks(x);
    double[] ry = ranks(y);
    int n = x.length;
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += rx[i];
      my += ry[i];
    }
    mx /= n;
    my /= n;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      double dx = rx[i] - mx;
      double dy = ry[i] - my;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
    if (sxx == 0 || syy == 0) {
      return Double.NaN;
    }
    return sxy / Math.sqrt(sxx * syy);
  }

  /** 1-based ranks, ties averaged. */
  static double[] ranks(double[] x) {
    int n = x.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
    double[] r = new double[n];
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && x[order[j + 1]] == x[order[i]]) {
        j++;
      }
      double avg = (i + j) / 2.0 + 1;
      for (int t = i; t <= j; t++) {
        r[order[t]] = avg;
      }
      i = j + 1;
    }
    return r;
  }
}
