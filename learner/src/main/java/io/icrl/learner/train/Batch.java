package io.icrl.learner.train;

import io.icrl.learner.model.ModelConfig;
import io.icrl.learner.model.StepTokens;

/**
 * One training batch of {@code rows} windows of {@code steps} tokens: the tokens and, per position
 * (index {@code row * steps + t}), the targets in symbol space and their loss weights (0 where a
 * target does not exist; the positional ramp otherwise).
 */
public final class Batch {
  public final StepTokens tokens;
  /** Label action symbol (policy target); 0 where {@link #policyWeight} is 0. */
  public final int[] label;
  public final float[] policyWeight;
  /** Symbol of the action actually taken (world-model condition); 0 on boundary rows. */
  public final int[] taken;
  /** Symbol of the next observation (next-state target). */
  public final int[] nextState;
  /** Reward feature of the step (reward target). */
  public final float[] reward;
  /** Weight of the world-model losses (action rows whose next row is in the window). */
  public final float[] worldWeight;
  /** Per row, 0 for action symbols the row's task uses and {@code Alibi.MASKED} otherwise. */
  public final float[] actionMask;
  /** Real (non-padding) tokens in the batch. */
  public int realTokens;

  public Batch(ModelConfig cfg, int rows, int steps) {
    tokens = new StepTokens(rows, steps);
    int n = rows * steps;
    label = new int[n];
    policyWeight = new float[n];
    taken = new int[n];
    nextState = new int[n];
    reward = new float[n];
    worldWeight = new float[n];
    actionMask = new float[rows * cfg.actionVocab()];
  }

  public int rows() {
    return tokens.rows;
  }

  public int steps() {
    return tokens.steps;
  }
}
