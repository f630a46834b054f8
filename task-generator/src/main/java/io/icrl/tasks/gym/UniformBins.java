package io.icrl.tasks.gym;

import io.icrl.core.InvalidInputException;

/**
 * {@code n} equal-width bins over [min, max] with NumPy's semantics as OmniRL uses them: edges
 * {@code numpy.linspace(min, max, n + 1)}, the value clipped into [min, max], then {@code
 * numpy.digitize(value, edges) - 1} clipped to [0, n - 1]. A value on an inner edge belongs to the
 * bin above it; {@code max} belongs to the last bin.
 */
public final class UniformBins {
  private final double min;
  private final double max;
  private final double[] edges;

  public UniformBins(double min, double max, int n) {
    if (n <= 0) {
      throw new InvalidInputException("number of bins must be positive, got " + n);
    }
    if (!(min < max)) {
      throw new InvalidInputException("bin range [" + min + ", " + max + "] is empty");
    }
    this.min = min;
    this.max = max;
    this.edges = new double[n + 1];
    double step = (max - min) / n;
    for (int i = 0; i < n; i++) {
      edges[i] = i * step + min;
    }
    edges[n] = max;
  }

  /** Number of bins. */
  public int count() {
    return edges.length - 1;
  }

  /** The bin edges (n + 1 values), a copy. */
  public double[] edges() {
    return edges.clone();
  }

  /** The bin of {@code value}; NaN falls in bin 0. */
  public int index(double value) {
    double x = Math.max(min, Math.min(max, value));
    int below = 0; // number of edges <= x, as numpy.digitize with right=False
    while (below < edges.length && edges[below] <= x) {
      below++;
    }
    return Math.max(0, Math.min(count() - 1, below - 1));
  }
}
