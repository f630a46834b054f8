package io.icrl.learner.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Multi-head self-attention with a causal mask and ALiBi biases, written out (projections, matmul,
 * softmax) so that it can run over a whole window or append steps to a {@link KvCache}.
 *
 * <p>Dimensions: B batch rows, T steps, D model width, H heads, E = D / H head width.
 */
public final class CausalSelfAttention extends SeededBlock {
  private final int heads;
  private final int headDim;
  private final float scale;
  private final Dense qkv;
  private final Dense out;

  public CausalSelfAttention(int dModel, int heads, double outInitStd) {
    this.heads = heads;
    this.headDim = dModel / heads;
    this.scale = (float) (1.0 / Math.sqrt(headDim));
    this.qkv = addChildBlock("qkv", Dense.builder().setInputs(dModel).setUnits(3 * dModel).build());
    this.out = addChildBlock("out", Dense.builder().setInputs(dModel).setUnits(dModel)
        .optInitStd(outInitStd).build());
  }

  /**
   * Full causal attention over {@code x} (B, T, D) -> (B, T, D), with {@code bias} the ALiBi
   * bias and causal mask (H, T, T) from {@link Alibi#bias}.
   */
  public NDArray apply(ParameterStore ps, NDArray x, NDArray bias, boolean training) {
    Shape s = x.getShape();
    int b = (int) s.get(0);
    int t = (int) s.get(1);
    NDArray[] qkvHeads = splitHeads(ps, x, training, b, t);
    NDArray o = attend(qkvHeads[0], qkvHeads[1], qkvHeads[2], bias); // (B, H, T, E)
    return merge(ps, o, training, b, t);
  }

  /**
   * Attention of {@code n} new steps {@code x} (1, n, D) over the cached steps of layer {@code
   * layer} plus themselves; writes their keys and values into {@code cache}. {@code bias} is (H,
   * n, cached + n) for queries at positions [cached, cached + n).
   */
  public NDArray applyCached(ParameterStore ps, NDArray x, NDArray bias, KvCache cache,
      int layer) {
    int n = (int) x.getShape().get(1);
    NDArray[] qkvHeads = splitHeads(ps, x, false, 1, n);
    cache.write(layer, qkvHeads[1], qkvHeads[2]);
    NDArray k = cache.keys(layer, n, x.getManager()); // (1, H, cached + n, E)
    NDArray v = cache.values(layer, n, x.getManager());
    NDArray o = attend(qkvHeads[0], k, v, bias);
    return merge(ps, o, false, 1, n);
  }

  /** q, k, v, each (B, H, T, E), from x (B, T, D). */
  private NDArray[] splitHeads(ParameterStore ps, NDArray x, boolean training, int b, int t) {
    NDArray p = qkv.apply(ps, x, training) // (B, T, 3D)
        .reshape(b, t, 3, heads, headDim)
        .transpose(2, 0, 3, 1, 4); // (3, B, H, T, E)
    return new NDArray[] {p.get(0), p.get(1), p.get(2)};
  }

  /** softmax(q k^T / sqrt(E) + bias) v, with scores and softmax in float32. */
  private NDArray attend(NDArray q, NDArray k, NDArray v, NDArray bias) {
    // the scale through Scalars, never NDArray.mul(Number): see Scalars
    NDArray scores = q.mul(Scalars.like(q, scale))
        .matMul(k.transpose(0, 1, 3, 2)); // (B, H, Tq, Tk)
    DataType type = scores.getDataType();
    if (type != DataType.FLOAT32) {
      scores = scores.toType(DataType.FLOAT32, false);
    }
    NDArray p = scores.add(bias).softmax(-1);
    if (type != DataType.FLOAT32) {
      p = p.toType(type, false);
    }
    return p.matMul(v); // (B, H, Tq, E)
  }

  /** (B, H, T, E) -> (B, T, D) -> output projection. */
  private NDArray merge(ParameterStore ps, NDArray o, boolean training, int b, int t) {
    NDArray m = o.transpose(0, 2, 1, 3).reshape(b, t, heads * headDim);
    return out.apply(ps, m, training);
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    int t = (int) x.getShape().get(1);
    return new NDList(apply(ps, x, Alibi.bias(x.getManager(), Alibi.slopes(heads), 0, t, t),
        training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }
}
