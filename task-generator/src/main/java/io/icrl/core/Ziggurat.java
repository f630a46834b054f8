package io.icrl.core;

import java.util.SplittableRandom;

/**
 * Standard normal draws by the ziggurat method (Marsaglia and Tsang, 2000, in Doornik's 2005
 * variant with 128 layers): about ten times faster than {@link Gaussian#next}, for hot loops such as
 * environment steps with noisy rewards, and equally reproducible: the layer table is built once with
 * {@link StrictMath}, and a draw uses only IEEE arithmetic, {@link StrictMath} and the generator's
 * 64-bit outputs, so a given stream gives bit-identical normals on every JVM and machine.
 *
 * <p>A draw takes one 64-bit value: its low 7 bits choose a layer, its high 53 bits a signed
 * uniform. Inside the layer's core rectangle (about 99% of draws) that is the result; otherwise the
 * wedge is tested against the density, or the tail beyond {@link #R} sampled (Marsaglia's tail
 * method), with further draws.
 */
public final class Ziggurat {
  private static final int LAYERS = 128;
  /** Start of the tail. */
  static final double R = 3.442619855899;
  /** Area of each layer. */
  private static final double V = 9.91256303526217e-3;
  private static final double[] X = new double[LAYERS + 1];
  private static final double[] RATIO = new double[LAYERS];

  static {
    double f = StrictMath.exp(-0.5 * R * R);
    X[0] = V / f;
    X[1] = R;
    X[LAYERS] = 0;
    for (int i = 2; i < LAYERS; i++) {
      X[i] = Math.sqrt(-2 * StrictMath.log(V / X[i - 1] + f));
      f = StrictMath.exp(-0.5 * X[i] * X[i]);
    }
    for (int i = 0; i < LAYERS; i++) {
      RATIO[i] = X[i + 1] / X[i];
    }
  }

  private Ziggurat() {}

  /** One standard normal draw. */
  public static double next(SplittableRandom rng) {
    while (true) {
      long bits = rng.nextLong();
      int layer = (int) (bits & (LAYERS - 1));
      double u = 2.0 * ((bits >>> 11) * 0x1.0p-53) - 1.0; // [-1, 1)
      if (Math.abs(u) < RATIO[layer]) {
        return u * X[layer];
      }
      if (layer == 0) {
        return tail(rng, u < 0);
      }
      double x = u * X[layer];
      double outer = StrictMath.exp(-0.5 * (X[layer] * X[layer] - x * x));
      double inner = StrictMath.exp(-0.5 * (X[layer + 1] * X[layer + 1] - x * x));
      if (inner + rng.nextDouble() * (outer - inner) < 1.0) {
        return x;
      }
    }
  }

  private static double tail(SplittableRandom rng, boolean negative) {
    double x;
    double y;
    do {
      x = StrictMath.log(1.0 - rng.nextDouble()) / R;
      y = StrictMath.log(1.0 - rng.nextDouble());
    } while (-2 * y < x * x);
    return negative ? x - R : R - x;
  }
}
