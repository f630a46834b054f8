package io.icrl.learner.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** Two dense layers with a GELU between: (..., in) -> (..., hidden) -> (..., out). */
public final class Mlp extends SeededBlock {
  private final Dense up;
  private final Dense down;
  private final int outWidth;

  public Mlp(int in, int hidden, int out, double outInitStd) {
    this.outWidth = out;
    this.up = addChildBlock("up", Dense.builder().setInputs(in).setUnits(hidden).build());
    this.down = addChildBlock("down", Dense.builder().setInputs(hidden).setUnits(out)
        .optInitStd(outInitStd).build());
  }

  public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    return down.apply(ps, Activation.gelu(up.apply(ps, x, training)), training);
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
      PairList<String, Object> params) {
    return new NDList(apply(ps, inputs.singletonOrThrow(), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape s = inputShapes[0];
    return new Shape[] {s.slice(0, s.dimension() - 1).add(outWidth)};
  }
}
