package io.icrl.learner.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.SplittableRandom;

/**
 * A fully connected layer over the last axis: (..., in) -> (..., out). The weight is cast to the
 * input's data type, so the same block runs in float32 or bfloat16.
 */
public final class Dense extends SeededBlock {
  private final int in;
  private final int out;
  private final double initStd;
  private final Parameter weight;
  private final Parameter bias;

  private Dense(Builder b) {
    this.in = b.in;
    this.out = b.out;
    this.initStd = b.initStd;
    this.weight = param("weight", Parameter.Type.WEIGHT, new Shape(out, in));
    this.bias = param("bias", Parameter.Type.BIAS, new Shape(out));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Applies the layer to {@code x} (..., in). */
  public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    NDArray w = castLike(ps.getValue(weight, x.getDevice(), training), x);
    NDArray b = castLike(ps.getValue(bias, x.getDevice(), training), x);
    return Linear.linear(x, w, b).singletonOrThrow();
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
      PairList<String, Object> params) {
    return new NDList(apply(ps, inputs.singletonOrThrow(), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape s = inputShapes[0];
    return new Shape[] {s.slice(0, s.dimension() - 1).add(out)};
  }

  @Override
  protected void fillOwn(SplittableRandom rng) {
    normal(weight, initStd, rng);
    constant(bias, 0f);
  }

  public int inputs() {
    return in;
  }

  /** Builder: {@code setInputs}, {@code setUnits}, {@code optInitStd} (default 0.02). */
  public static final class Builder {
    private int in;
    private int out;
    private double initStd = 0.02;

    public Builder setInputs(int in) {
      this.in = in;
      return this;
    }

    public Builder setUnits(int out) {
      this.out = out;
      return this;
    }

    public Builder optInitStd(double std) {
      this.initStd = std;
      return this;
    }

    public Dense build() {
      if (in <= 0 || out <= 0) {
        throw new IllegalArgumentException("Dense needs inputs and units > 0");
      }
      return new Dense(this);
    }
  }
}
