package io.icrl.tasks.generate;

import java.util.SplittableRandom;

/**
 * A random one-dimensional Fourier series {@code f(t) = sum_j a_j sin(w_j x) + b_j cos(w_j x)},
 * {@code x = t / period}, as Xenoverse's {@code RandomFourier} samples it: a constant term plus one
 * to {@code maxItems} harmonics of order {@code U{1..maxOrder} + N(0, 1)}, every coefficient a
 * normal times an exponential of mean {@code boxSize / sqrt(items)}. AnyMDP uses it as the shaping
 * potential over states.
 */
final class RandomFourier1d {
  private final double period;
  private final double[] order;
  private final double[] sinCoeff;
  private final double[] cosCoeff;

  RandomFourier1d(SplittableRandom rng, int maxOrder, int maxItems, double period,
      double boxSize) {
    int items = Draws.integer(rng, 1, maxItems + 1);
    double scale = boxSize / Math.sqrt(items);
    this.period = period;
    this.order = new double[items + 1];
    this.sinCoeff = new double[items + 1];
    this.cosCoeff = new double[items + 1];
    for (int j = 0; j <= items; j++) {
      order[j] = j == 0 ? 0 : Draws.integer(rng, 1, maxOrder + 1) + Draws.normal(rng);
      double n0 = Draws.normal(rng);
      double n1 = Draws.normal(rng);
      sinCoeff[j] = n0 * Draws.exponential(rng, scale);
      cosCoeff[j] = n1 * Draws.exponential(rng, scale);
    }
  }

  double at(double t) {
    double x = t / period;
    double y = 0;
    for (int j = 0; j < order.length; j++) {
      y += sinCoeff[j] * StrictMath.sin(order[j] * x) + cosCoeff[j] * StrictMath.cos(order[j] * x);
    }
    return y;
  }
}
