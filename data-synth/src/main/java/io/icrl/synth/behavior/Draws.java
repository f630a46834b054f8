package io.icrl.synth.behavior;

import java.util.SplittableRandom;

/** Reproducible draws from simple distributions (StrictMath, so bit-identical everywhere). */
final class Draws {
  private Draws() {}

  /** Uniform in [lo, hi). */
  static double uniform(SplittableRandom rng, double lo, double hi) {
    return lo + (hi - lo) * rng.nextDouble();
  }

  /** Exponential with the given mean. */
  static double exponential(SplittableRandom rng, double mean) {
    return -mean * StrictMath.log(1.0 - rng.nextDouble());
  }

  /** Index drawn with probability proportional to {@code weights} (all >= 0, sum > 0). */
  static int weighted(SplittableRandom rng, double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double u = rng.nextDouble() * total;
    int last = -1;
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] > 0) {
        last = i;
        if (u < weights[i]) {
          return i;
        }
        u -= weights[i];
      }
    }
    return last;
  }
}
