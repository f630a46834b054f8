package io.icrl.eval.baseline;

import java.util.SplittableRandom;

/** Argmax over a row of values with ties broken uniformly at random. */
final class Greedy {
  private Greedy() {}

  /** The best of {@code values[base .. base + n)} (offset from {@code base}), ties at random. */
  static int argmax(double[] values, int base, int n, SplittableRandom rng) {
    int best = 0;
    int ties = 1;
    double bestV = values[base];
    for (int a = 1; a < n; a++) {
      double v = values[base + a];
      if (v > bestV) {
        bestV = v;
        best = a;
        ties = 1;
      } else if (v == bestV) {
        ties++;
        if (rng.nextInt(ties) == 0) {
          best = a;
        }
      }
    }
    return best;
  }
}
