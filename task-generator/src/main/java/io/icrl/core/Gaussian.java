package io.icrl.core;

import java.util.SplittableRandom;

/**
 * Standard normal draws that are bit-identical on every JVM: Box-Muller over {@link StrictMath}
 * (the JDK's own {@code nextGaussian} is not specified to that level).
 */
public final class Gaussian {
  private Gaussian() {}

  /** One standard normal draw (uses two uniforms). */
  public static double next(SplittableRandom rng) {
    double u1 = 1.0 - rng.nextDouble(); // (0, 1]
    double u2 = rng.nextDouble();
    return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
  }
}
