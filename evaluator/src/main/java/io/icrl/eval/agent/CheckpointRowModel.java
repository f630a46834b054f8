package io.icrl.eval.agent;

import io.icrl.learner.infer.IncrementalPolicy;
import io.icrl.learner.model.ModelConfig;
import io.icrl.learner.model.StepEncoding;
import io.icrl.learner.model.SymbolPermutation;
import io.icrl.synth.format.Tag;
import java.util.SplittableRandom;

/**
 * A trained model as a {@link RowModel}: turns the evaluator's rows into the learner's steps
 * ({@link IncrementalPolicy}, which encodes them with {@link StepEncoding} exactly as training
 * windows are encoded).
 *
 * <p>The token of a row holds the row's own state and prompt and what the row before it ended with:
 * its action, reward and tag after an action row (flag {@code CONTINUE}); nothing but flag {@code
 * AFTER_TERMINATED} or {@code AFTER_TRUNCATED} after a boundary row; flag {@code CONTEXT_START} for
 * the first row of a run. Prompts and tags pass as their {@link Tag} codes (the codes of the data's
 * {@code prompt} and {@code tag} columns). Rows appended with {@link #appendRow} are pushed without
 * computing their logits; their forward pass is batched into the next {@link #beginRow}.
 *
 * <p>Each run draws a fresh random injection of the task's state and action IDs into the model's
 * symbol vocabularies from the run's random stream, as every training window does. One instance
 * per run and thread; its KV cache is its own, the weights are shared.
 */
public final class CheckpointRowModel implements RowModel {
  private final IncrementalPolicy policy;
  private final ModelConfig cfg;
  private boolean started;
  private boolean open;
  private int openTag;
  /** The last complete row: its action (-1 for a boundary row), reward and tag code. */
  private int prevAction = -1;
  private float prevReward;
  private int prevTag = -1;
  /** The boundary flag of the next row's token. */
  private int nextFlag = StepEncoding.FLAG_CONTEXT_START;

  /** A row model over {@code policy}; it owns the policy and closes it. */
  public CheckpointRowModel(IncrementalPolicy policy, ModelConfig cfg) {
    this.policy = policy;
    this.cfg = cfg;
  }

  @Override
  public int maxStates() {
    return cfg.stateVocab();
  }

  @Override
  public int maxActions() {
    return cfg.actionVocab();
  }

  @Override
  public void reset(int states, int actions, SplittableRandom rng) {
    policy.reset(SymbolPermutation.random(states, actions, cfg.stateVocab(), cfg.actionVocab(),
        rng));
    started = true;
    open = false;
    prevAction = -1;
    prevReward = 0f;
    prevTag = -1;
    nextFlag = StepEncoding.FLAG_CONTEXT_START;
  }

  @Override
  public float[] beginRow(int state, Tag prompt, Tag tag) {
    requireClosedRow("beginRow");
    float[] logits = policy.step(state, prompt.code(), prevAction, prevReward, prevTag, nextFlag);
    open = true;
    openTag = tag.code();
    return logits;
  }

  @Override
  public void endRow(int action, float reward, boolean terminated, boolean truncated) {
    if (!open) {
      throw new IllegalStateException("endRow without beginRow");
    }
    checkRow(action, terminated, truncated);
    open = false;
    complete(action, reward, openTag, terminated);
  }

  @Override
  public void appendRow(int state, Tag prompt, Tag tag, int action, float reward,
      boolean terminated, boolean truncated) {
    requireClosedRow("appendRow");
    checkRow(action, terminated, truncated);
    policy.push(state, prompt.code(), prevAction, prevReward, prevTag, nextFlag);
    complete(action, reward, tag.code(), terminated);
  }

  private static void checkRow(int action, boolean terminated, boolean truncated) {
    if (action < 0 && terminated == truncated) {
      throw new IllegalArgumentException("a boundary row needs exactly one of terminated and"
          + " truncated, got " + terminated + " and " + truncated);
    }
    if (action >= 0 && (terminated || truncated)) {
      throw new IllegalArgumentException("an action row carries no terminated/truncated flag;"
          + " end the episode with a boundary row");
    }
  }

  /** Remembers a finished row as what the next row's token says came before it. */
  private void complete(int action, float reward, int tag, boolean terminated) {
    if (action < 0) {
      prevAction = -1;
      prevReward = 0f;
      prevTag = -1;
      nextFlag = terminated ? StepEncoding.FLAG_AFTER_TERMINATED
          : StepEncoding.FLAG_AFTER_TRUNCATED;
    } else {
      prevAction = action;
      prevReward = reward;
      prevTag = tag;
      nextFlag = StepEncoding.FLAG_CONTINUE;
    }
  }

  private void requireClosedRow(String call) {
    if (!started) {
      throw new IllegalStateException(call + " before reset");
    }
    if (open) {
      throw new IllegalStateException(call + " while a row is open (endRow first)");
    }
  }

  @Override
  public int pinContext(double fraction) {
    requireClosedRow("pinContext");
    return policy.pin(Math.max(1, (int) (fraction * policy.capacity())));
  }

  @Override
  public void dropLowestReturnFirst(boolean on) {
    policy.dropLowestReturnFirst(on);
  }

  @Override
  public int rowsInContext() {
    return policy.length();
  }

  /** The learner's policy behind this model (its context tokens, drops). */
  public IncrementalPolicy policy() {
    return policy;
  }

  @Override
  public void close() {
    policy.close();
  }
}
