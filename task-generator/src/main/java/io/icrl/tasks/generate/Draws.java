package io.icrl.tasks.generate;

import io.icrl.core.Gaussian;
import java.util.SplittableRandom;

/**
 * The random draws the generators use, each a fixed function of the {@link SplittableRandom}
 * stream (bounded integers are computed here rather than by the JDK, transcendental functions go
 * through {@link StrictMath}), so generated tasks are bit-identical on every JVM and machine.
 */
final class Draws {
  private Draws() {}

  /** Uniform in {@code [lo, hi)}. */
  static double uniform(SplittableRandom rng, double lo, double hi) {
    return lo + (hi - lo) * rng.nextDouble();
  }

  /** Standard normal. */
  static double normal(SplittableRandom rng) {
    return Gaussian.next(rng);
  }

  /** Exponential with mean {@code scale} (0 when the scale is 0). */
  static double exponential(SplittableRandom rng, double scale) {
    return -scale * StrictMath.log(1.0 - rng.nextDouble());
  }

  /** Uniform integer in {@code [lo, hiExclusive)} (Lemire's unbiased multiply-and-reject). */
  static int integer(SplittableRandom rng, int lo, int hiExclusive) {
    long range = (long) hiExclusive - lo;
    if (range <= 0) {
      throw new IllegalArgumentException("empty range [" + lo + ", " + hiExclusive + ")");
    }
    long threshold = (0x1_0000_0000L - range) % range;
    while (true) {
      long x = rng.nextLong() >>> 32;
      long m = x * range;
      if ((m & 0xFFFF_FFFFL) >= threshold) {
        return (int) (lo + (m >>> 32));
      }
    }
  }

  /** True with probability {@code p}. */
  static boolean bernoulli(SplittableRandom rng, double p) {
    return rng.nextDouble() < p;
  }

  static double clip(double x, double lo, double hi) {
    return x < lo ? lo : (x > hi ? hi : x);
  }

  /** A uniformly random permutation of {@code 0..n-1} (Fisher-Yates). */
  static int[] permutation(SplittableRandom rng, int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = integer(rng, 0, i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }
}
