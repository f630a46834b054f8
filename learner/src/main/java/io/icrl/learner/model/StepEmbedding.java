package io.icrl.learner.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Turns the fields of {@link StepTokens} into one vector per step: the sum of learned embeddings of
 * the state, prompt, previous action, previous tag and boundary flag, plus a small MLP of the
 * previous reward (a scalar, not an ID) and, with {@link ModelConfig#returnFeature}, another of the
 * episode's return so far. Output (B, T, D).
 */
public final class StepEmbedding extends SeededBlock {
  private final int dModel;
  private final IdEmbedding state;
  private final IdEmbedding prompt;
  private final IdEmbedding prevAction;
  private final IdEmbedding prevState;
  private final IdEmbedding prevTag;
  private final IdEmbedding flag;
  private final Mlp reward;
  /** The return-so-far MLP, or null without {@link ModelConfig#returnFeature}. */
  private final Mlp returnSoFar;

  public StepEmbedding(ModelConfig cfg) {
    int d = cfg.dModel();
    this.dModel = d;
    this.state = addChildBlock("state", new IdEmbedding(cfg.stateVocab(), d));
    this.prompt = addChildBlock("prompt", new IdEmbedding(cfg.promptVocab(), d));
    this.prevAction = addChildBlock("prev_action", new IdEmbedding(cfg.actionVocab() + 1, d));
    this.prevState = addChildBlock("prev_state", new IdEmbedding(cfg.stateVocab() + 1, d));
    this.prevTag = addChildBlock("prev_tag", new IdEmbedding(StepEncoding.TAG_VOCAB, d));
    this.flag = addChildBlock("flag", new IdEmbedding(StepEncoding.FLAGS, d));
    this.reward = addChildBlock("prev_reward", new Mlp(1, cfg.rewardHidden(), d, 0.02));
    this.returnSoFar = cfg.returnFeature()
        ? addChildBlock("return_so_far", new Mlp(1, cfg.rewardHidden(), d, 0.02)) : null;
  }

  /**
   * Inputs in the order of {@link StepTokens#toNDList}: state, prompt, prevAction, prevTag, flag
   * (int, (B, T)), prevReward (float, (B, T, 1)), prevState (int, (B, T)) and returnSoFar (float,
   * (B, T, 1)).
   */
  public NDArray apply(ParameterStore ps, NDList in, boolean training) {
    NDArray x = state.apply(ps, in.get(0), training);
    x = x.add(prompt.apply(ps, in.get(1), training));
    x = x.add(prevAction.apply(ps, in.get(2), training));
    x = x.add(prevState.apply(ps, in.get(6), training));
    x = x.add(prevTag.apply(ps, in.get(3), training));
    x = x.add(flag.apply(ps, in.get(4), training));
    x = x.add(reward.apply(ps, in.get(5), training));
    return returnSoFar == null ? x : x.add(returnSoFar.apply(ps, in.get(7), training));
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
      PairList<String, Object> params) {
    return new NDList(apply(ps, inputs, training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0].add(dModel)};
  }
}
