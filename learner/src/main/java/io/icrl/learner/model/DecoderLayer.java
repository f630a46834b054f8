package io.icrl.learner.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One pre-LayerNorm transformer block on (B, T, D): {@code x + attn(norm(x))}, then {@code x +
 * mlp(norm(x))}.
 */
public final class DecoderLayer extends SeededBlock {
  private final Norm attnNorm;
  private final CausalSelfAttention attn;
  private final Norm mlpNorm;
  private final Mlp mlp;

  public DecoderLayer(ModelConfig cfg) {
    double outStd = 0.02 / Math.sqrt(2.0 * cfg.layers());
    this.attnNorm = addChildBlock("attn_norm", new Norm(cfg.dModel()));
    this.attn = addChildBlock("attn", new CausalSelfAttention(cfg.dModel(), cfg.heads(), outStd));
    this.mlpNorm = addChildBlock("mlp_norm", new Norm(cfg.dModel()));
    this.mlp = addChildBlock("mlp", new Mlp(cfg.dModel(), cfg.mlpHidden(), cfg.dModel(), outStd));
  }

  /** {@code bias}: the (H, T, T) attention bias of {@link Alibi#bias}. */
  public NDArray apply(ParameterStore ps, NDArray x, NDArray bias, boolean training) {
    NDArray h = x.add(attn.apply(ps, attnNorm.apply(ps, x, training), bias, training));
    return h.add(mlp.apply(ps, mlpNorm.apply(ps, h, training), training));
  }

  /** The same computation for new steps appended to layer {@code layer} of {@code cache}. */
  public NDArray applyCached(ParameterStore ps, NDArray x, NDArray bias, KvCache cache,
      int layer) {
    NDArray h = x.add(attn.applyCached(ps, attnNorm.apply(ps, x, false), bias, cache, layer));
    return h.add(mlp.apply(ps, mlpNorm.apply(ps, h, false), false));
  }

  /** Inputs: x (B, T, D) and the bias (H, T, T). */
  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
      PairList<String, Object> params) {
    return new NDList(apply(ps, inputs.get(0), inputs.get(1), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }
}
