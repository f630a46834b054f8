package io.icrl.learner.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The keys and values of every layer for one context of up to {@code capacity} steps, preallocated
 * as (1, heads, capacity, headDim) per layer and filled in place. With ALiBi, cached keys carry no
 * position, so appending is all a step needs.
 */
public final class KvCache implements AutoCloseable {
  private final NDManager manager;
  private final NDArray[] keys;
  private final NDArray[] values;
  private final int capacity;
  private int length;

  public KvCache(ModelConfig cfg, int capacity, Device device, DataType type) {
    this.capacity = capacity;
    this.manager = NDManager.newBaseManager(device);
    this.keys = new NDArray[cfg.layers()];
    this.values = new NDArray[cfg.layers()];
    Shape shape = new Shape(1, cfg.heads(), capacity, cfg.headDim());
    for (int l = 0; l < cfg.layers(); l++) {
      keys[l] = manager.zeros(shape, type);
      values[l] = manager.zeros(shape, type);
    }
  }

  /** Steps held. */
  public int length() {
    return length;
  }

  public int capacity() {
    return capacity;
  }

  /** Forgets every step (the buffers are reused). */
  public void clear() {
    length = 0;
  }

  /**
   * Writes the keys and values (1, heads, n, headDim) of {@code n} new steps of layer {@code layer}
   * after the current length (not yet counted: call {@link #advance} after the last layer).
   */
  void write(int layer, NDArray k, NDArray v) {
    int n = Math.toIntExact(k.getShape().get(2));
    if (length + n > capacity) {
      throw new IllegalStateException("KV cache full: " + length + " + " + n + " > " + capacity);
    }
    NDIndex at = new NDIndex(":, :, {}:{}", length, length + n);
    keys[layer].set(at, k);
    values[layer].set(at, v);
  }

  /** Keys of layer {@code layer} for positions [0, length + n), attached to {@code to}. */
  NDArray keys(int layer, int n, NDManager to) {
    NDArray a = keys[layer].get(new NDIndex(":, :, 0:{}", length + n));
    a.attach(to);
    return a;
  }

  NDArray values(int layer, int n, NDManager to) {
    NDArray a = values[layer].get(new NDIndex(":, :, 0:{}", length + n));
    a.attach(to);
    return a;
  }

  /** Counts {@code n} steps written to every layer. */
  void advance(int n) {
    length += n;
  }

  @Override
  public void close() {
    manager.close();
  }
}
