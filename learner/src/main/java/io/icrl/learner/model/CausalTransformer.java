package io.icrl.learner.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The decoder-only causal transformer over steps, with its heads.
 *
 * <ul>
 *   <li>trunk: {@link StepEmbedding} -> {@code layers} x {@link DecoderLayer} -> final norm, giving
 *       h (B, T, D) in float32;
 *   <li>policy head: h -> action logits (B, T, actionVocab);
 *   <li>world-model head, conditioned on the action actually taken a_t: (h + emb(a_t)) -> MLP ->
 *       (B, T, stateVocab + 1): next-state logits and, in the last column, the predicted reward
 *       feature.
 * </ul>
 *
 * <p>The trunk runs in {@link #computeType()} (float32 or bfloat16); norms, softmax and heads run in
 * float32.
 */
public final class CausalTransformer extends SeededBlock {
  private final ModelConfig cfg;
  private final StepEmbedding embed;
  private final DecoderLayer[] layers;
  private final Norm finalNorm;
  private final Dense policy;
  private final IdEmbedding takenAction;
  private final Mlp world;
  private final float[] slopes;
  private DataType computeType = DataType.FLOAT32;

  public CausalTransformer(ModelConfig cfg) {
    this.cfg = cfg;
    this.embed = addChildBlock("embed", new StepEmbedding(cfg));
    this.layers = new DecoderLayer[cfg.layers()];
    for (int l = 0; l < cfg.layers(); l++) {
      layers[l] = addChildBlock("layer" + l, new DecoderLayer(cfg));
    }
    this.finalNorm = addChildBlock("final_norm", new Norm(cfg.dModel()));
    this.policy = addChildBlock("policy", Dense.builder().setInputs(cfg.dModel())
        .setUnits(cfg.actionVocab()).build());
    this.slopes = Alibi.slopes(cfg.heads());
    this.takenAction = addChildBlock("wm_action", new IdEmbedding(cfg.actionVocab(), cfg.dModel()));
    this.world = addChildBlock("wm", new Mlp(cfg.dModel(), cfg.dModel(), cfg.stateVocab() + 1,
        0.02));
  }

  public ModelConfig config() {
    return cfg;
  }

  public DataType computeType() {
    return computeType;
  }

  /** Runs the trunk in {@code type} (FLOAT32 or BFLOAT16/FLOAT16 on GPUs). */
  public void setComputeType(DataType type) {
    this.computeType = type;
  }

  /** Trunk over whole windows: tokens (see {@link StepTokens#toNDList}) -> h (B, T, D). */
  public NDArray trunk(ParameterStore ps, NDList tokens, boolean training) {
    NDArray x = toCompute(embed.apply(ps, tokens, training));
    int t = (int) x.getShape().get(1);
    NDArray bias = Alibi.bias(x.getManager(), slopes, 0, t, t); // (H, T, T), shared by layers
    for (DecoderLayer layer : layers) {
      x = scoped(x, in -> layer.apply(ps, in, bias, training));
    }
    return toFloat(finalNorm.apply(ps, x, training));
  }

  /** Trunk for {@code n} new steps (1, n) appended to {@code cache}: -> h (1, n, D). */
  public NDArray trunkCached(ParameterStore ps, NDList tokens, KvCache cache) {
    NDArray x = toCompute(embed.apply(ps, tokens, false));
    int n = (int) x.getShape().get(1);
    int start = cache.length();
    NDArray bias = Alibi.bias(x.getManager(), slopes, start, n, start + n); // (H, n, start + n)
    for (int l = 0; l < layers.length; l++) {
      int layer = l;
      x = scoped(x, in -> layers[layer].applyCached(ps, in, bias, cache, layer));
    }
    cache.advance(n);
    return toFloat(finalNorm.apply(ps, x, false));
  }

  /**
   * Runs {@code f} on {@code x} with its intermediates in a sub-manager that is closed right
   * after, keeping only the result: without this, every layer's (B, H, T, T) temporaries would
   * stay alive until the whole step ends. (Autograd keeps what backward needs on its own.)
   */
  private static NDArray scoped(NDArray x, java.util.function.UnaryOperator<NDArray> f) {
    NDManager parent = x.getManager();
    try (NDManager scope = parent.newSubManager()) {
      x.tempAttach(scope);
      NDArray y = f.apply(x);
      y.attach(parent);
      return y;
    }
  }

  /** Policy logits (B, T, actionVocab) from h; unused symbols are not masked here. */
  public NDArray policyLogits(ParameterStore ps, NDArray h, boolean training) {
    return policy.apply(ps, h, training);
  }

  /**
   * World-model output (B, T, stateVocab + 1) from h and the symbols of the actions taken (int,
   * (B, T)).
   */
  public NDArray worldModel(ParameterStore ps, NDArray h, NDArray actions, boolean training) {
    NDArray z = h.add(takenAction.apply(ps, actions, training));
    return world.apply(ps, z, training);
  }

  private NDArray toCompute(NDArray x) {
    return x.getDataType() == computeType ? x : x.toType(computeType, false);
  }

  private static NDArray toFloat(NDArray x) {
    return x.getDataType() == DataType.FLOAT32 ? x : x.toType(DataType.FLOAT32, false);
  }

  /** Returns [h, policy logits]. */
  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDArray h = trunk(ps, inputs, training);
    return new NDList(h, policyLogits(ps, h, training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape bt = inputShapes[0];
    return new Shape[] {bt.add(cfg.dModel()), bt.add(cfg.actionVocab())};
  }

}
