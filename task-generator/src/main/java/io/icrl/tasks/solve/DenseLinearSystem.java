package io.icrl.tasks.solve;

/**
 * Solves {@code A x = b} for a dense, strictly diagonally dominant {@code A} (such as {@code I -
 * gamma P} of a policy) by Gaussian elimination without pivoting, which is stable for diagonally
 * dominant matrices and makes the arithmetic order, and so the result, fully deterministic.
 *
 * <p>Each row remembers its last non-zero column, so banded matrices (the band transitions of
 * AnyMDP) are eliminated in roughly {@code n * lower * upper} operations instead of {@code n^3 / 3}.
 */
final class DenseLinearSystem {
  private DenseLinearSystem() {}

  /**
   * Overwrites {@code a} (row-major {@code n x n}) with its factors and {@code b} with the solution.
   */
  static void solveInPlace(double[] a, double[] b, int n) {
    int[] last = new int[n];
    for (int i = 0; i < n; i++) {
      int base = i * n;
      int l = i;
      for (int j = n - 1; j > i; j--) {
        if (a[base + j] != 0) {
          l = j;
          break;
        }
      }
      last[i] = l;
    }
    for (int k = 0; k < n; k++) {
      int kBase = k * n;
      double pivot = a[kBase + k];
      int hi = last[k];
      double bk = b[k];
      for (int i = k + 1; i < n; i++) {
        int iBase = i * n;
        double f = a[iBase + k];
        if (f == 0) {
          continue;
        }
        f /= pivot;
        a[iBase + k] = 0;
        for (int j = k + 1; j <= hi; j++) {
          a[iBase + j] -= f * a[kBase + j];
        }
        b[i] -= f * bk;
        if (hi > last[i]) {
          last[i] = hi;
        }
      }
    }
    for (int i = n - 1; i >= 0; i--) {
      int base = i * n;
      double acc = b[i];
      for (int j = i + 1, hi = last[i]; j <= hi; j++) {
        acc -= a[base + j] * b[j];
      }
      b[i] = acc / a[base + i];
    }
  }
}
