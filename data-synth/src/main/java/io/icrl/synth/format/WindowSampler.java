package io.icrl.synth.format;

import java.util.SplittableRandom;

/**
 * Batching for the learner: fills a batch of {@link StepWindow}s with windows of up to {@code T}
 * consecutive steps drawn uniformly over all windows of a {@link WindowSource} (a sequence shorter
 * than T gives one whole-sequence window). Seeded, so a batch sequence is reproducible; one sampler
 * per thread.
 */
public final class WindowSampler {
  private final WindowSource source;
  private final int windowLength;
  private final long[] cumulative;
  private final SplittableRandom rng;

  public WindowSampler(WindowSource source, int windowLength, long seed) {
    if (windowLength <= 0) {
      throw new IllegalArgumentException("window length must be positive, got " + windowLength);
    }
    this.source = source;
    this.windowLength = windowLength;
    this.rng = new SplittableRandom(seed);
    int n = source.sequenceCount();
    this.cumulative = new long[n];
    long total = 0;
    for (int i = 0; i < n; i++) {
      total += Math.max(1, source.sequenceLength(i) - windowLength + 1);
      cumulative[i] = total;
    }
  }

  /** Fills every window of {@code batch} (capacity at least the window length) with a new draw. */
  public void sample(StepWindow[] batch) {
    for (StepWindow w : batch) {
      long u = rng.nextLong(cumulative[cumulative.length - 1]);
      int seq = upperBound(u);
      long before = seq == 0 ? 0 : cumulative[seq - 1];
      long start = u - before;
      int len = (int) Math.min(windowLength, source.sequenceLength(seq) - start);
      source.read(seq, start, len, w);
    }
  }

  /** A batch of {@code size} windows with room for the window length. */
  public StepWindow[] newBatch(int size) {
    StepWindow[] b = new StepWindow[size];
    for (int i = 0; i < size; i++) {
      b[i] = new StepWindow(windowLength);
    }
    return b;
  }

  private int upperBound(long u) {
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] > u) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
