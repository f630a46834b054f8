package io.icrl.learner.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * ALiBi attention biases: head h adds {@code -slope_h * (i - j)} to the score of query position i
 * on key position j, and keys after the query are masked. Only distances matter, so a model trained
 * on windows of T steps runs on longer contexts, and a key/value cache needs no positions.
 */
public final class Alibi {
  /** Added to masked scores; exp of it underflows to exactly 0 in float32. */
  public static final float MASKED = -1e9f;

  private Alibi() {}

  /** Head slopes {@code 2^(-8 (h + 1) / heads)}, a geometric sequence from ~1 down to 1/256. */
  public static float[] slopes(int heads) {
    float[] s = new float[heads];
    for (int h = 0; h < heads; h++) {
      s[h] = (float) StrictMath.pow(2.0, -8.0 * (h + 1) / heads);
    }
    return s;
  }

  /**
   * The bias (heads, queries, keys) for queries at absolute positions {@code [queryStart,
   * queryStart + queries)} over keys at {@code [0, keys)}, in float32 in {@code manager}. Built
   * from {@code arange}, so no (T, T) constant needs to be kept.
   */
  public static NDArray bias(NDManager manager, float[] slopes, int queryStart, int queries,
      int keys) {
    NDArray q = manager.arange(queryStart, queryStart + queries, 1, DataType.FLOAT32)
        .reshape(queries, 1);
    NDArray k = manager.arange(0, keys, 1, DataType.FLOAT32).reshape(1, keys);
    NDArray dist = q.sub(k); // (queries, keys): i - j
    NDArray future = dist.lt(0).toType(DataType.FLOAT32, false).mul(MASKED);
    NDArray slope = manager.create(slopes, new Shape(slopes.length, 1, 1));
    return slope.mul(dist.neg()).add(future); // (heads, queries, keys)
  }
}
