package io.icrl.learner.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.SplittableRandom;

/** LayerNorm over the last axis (width {@code d}), computed in float32 whatever the input type. */
public final class Norm extends SeededBlock {
  private static final float EPS = 1e-5f;
  private final int d;
  private final Parameter gamma;
  private final Parameter beta;

  public Norm(int d) {
    this.d = d;
    this.gamma = param("gamma", Parameter.Type.GAMMA, new Shape(d));
    this.beta = param("beta", Parameter.Type.BETA, new Shape(d));
  }

  /** Normalizes {@code x} (..., d); the result has {@code x}'s data type. */
  public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    DataType type = x.getDataType();
    NDArray x32 = type == DataType.FLOAT32 ? x : x.toType(DataType.FLOAT32, false);
    NDArray y = LayerNorm.layerNorm(x32, new Shape(d), ps.getValue(gamma, x.getDevice(), training),
        ps.getValue(beta, x.getDevice(), training), EPS).singletonOrThrow();
    return type == DataType.FLOAT32 ? y : y.toType(type, false);
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
      PairList<String, Object> params) {
    return new NDList(apply(ps, inputs.singletonOrThrow(), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  protected void fillOwn(SplittableRandom rng) {
    constant(gamma, 1f);
    constant(beta, 0f);
  }
}
