package io.icrl.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ZigguratTest {
  @Test
  void sameStreamSameNormals() {
    SplittableRandom a = new SplittableRandom(42);
    SplittableRandom b = new SplittableRandom(42);
    for (int i = 0; i < 10_000; i++) {
      assertEquals(Double.doubleToLongBits(Ziggurat.next(a)),
          Double.doubleToLongBits(Ziggurat.next(b)));
    }
  }

  @Test
  void drawsAreStandardNormal() {
    int n = 400_000;
    double[] x = new double[n];
    SplittableRandom rng = new SplittableRandom(7);
    double sum = 0;
    double sq = 0;
    double fourth = 0;
    int beyond3 = 0;
    for (int i = 0; i < n; i++) {
      x[i] = Ziggurat.next(rng);
      sum += x[i];
      sq += x[i] * x[i];
      fourth += x[i] * x[i] * x[i] * x[i];
      beyond3 += Math.abs(x[i]) > 3 ? 1 : 0;
    }
    assertEquals(0.0, sum / n, 0.01);
    assertEquals(1.0, sq / n, 0.01);
    assertEquals(3.0, fourth / n, 0.05);
    // P(|Z| > 3) = 0.0026998; the tail sampler must produce these.
    assertEquals(0.0027, beyond3 / (double) n, 0.0004);
    // Kolmogorov-Smirnov distance to the normal CDF (critical value at 1% ~ 1.63 / sqrt(n)).
    Arrays.sort(x);
    double d = 0;
    for (int i = 0; i < n; i++) {
      double f = phi(x[i]);
      d = Math.max(d, Math.max(Math.abs(f - (double) i / n), Math.abs(f - (i + 1.0) / n)));
    }
    assertTrue(d < 1.63 / Math.sqrt(n), "KS distance " + d);
  }

  /** Standard normal CDF via the complementary error function (W. J. Cody's rational fit). */
  static double phi(double x) {
    return 0.5 * erfc(-x / Math.sqrt(2));
  }

  static double erfc(double x) {
    // Numerical Recipes' erfcc: fractional error below 1.2e-7 everywhere.
    double z = Math.abs(x);
    double t = 1 / (1 + 0.5 * z);
    double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196
        + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398
        + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
    return x >= 0 ? r : 2 - r;
  }
}
