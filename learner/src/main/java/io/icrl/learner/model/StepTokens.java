package io.icrl.learner.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * The model's input for {@code rows x steps} tokens, in flat row-major columns (index {@code row *
 * steps + t}). One token per RL step; the fields are already in symbol space (see {@link
 * StepEncoding}, which is the only writer).
 */
public final class StepTokens {
  public final int rows;
  public final int steps;
  /** State symbol of the current observation, in [0, stateVocab). */
  public final int[] state;
  /** Prompt code of the current row, in [0, promptVocab). */
  public final int[] prompt;
  /** Symbol of the previous row's action, or {@code actionVocab} for "none". */
  public final int[] prevAction;
  /**
   * Symbol of the previous row's state when that row took an action, or {@code stateVocab} for
   * "none": with it a token holds a whole transition (s_{t-1}, a_{t-1}, r_{t-1}, s_t), so attention
   * can find earlier experience of the current state in one hop.
   */
  public final int[] prevState;
  /** Tag code of the previous row's action, or {@link StepEncoding#NO_TAG}. */
  public final int[] prevTag;
  /** Boundary flag, one of {@code StepEncoding.FLAG_*}. */
  public final int[] flag;
  /** The previous row's reward as a feature ({@link StepEncoding#rewardFeature}), 0 for none. */
  public final float[] prevReward;
  /**
   * The return of the step's episode before the step (the sum of its rewards so far, counted from
   * the context's start if the episode began before it) as a feature ({@link
   * StepEncoding#rewardFeature}); 0 at an episode's first step. Read only by models with {@link
   * ModelConfig#returnFeature}.
   */
  public final float[] returnSoFar;

  public StepTokens(int rows, int steps) {
    this.rows = rows;
    this.steps = steps;
    int n = rows * steps;
    state = new int[n];
    prompt = new int[n];
    prevAction = new int[n];
    prevState = new int[n];
    prevTag = new int[n];
    flag = new int[n];
    prevReward = new float[n];
    returnSoFar = new float[n];
  }

  public int size() {
    return rows * steps;
  }

  /** Copies token {@code from} of {@code src} into token {@code to} of this batch. */
  public void copyToken(StepTokens src, int from, int to) {
    state[to] = src.state[from];
    prompt[to] = src.prompt[from];
    prevAction[to] = src.prevAction[from];
    prevState[to] = src.prevState[from];
    prevTag[to] = src.prevTag[from];
    flag[to] = src.flag[from];
    prevReward[to] = src.prevReward[from];
    returnSoFar[to] = src.returnSoFar[from];
  }

  /** Fills every token with padding (all fields zero; padded positions carry no loss). */
  public void clear() {
    Arrays.fill(state, 0);
    Arrays.fill(prompt, 0);
    Arrays.fill(prevAction, 0);
    Arrays.fill(prevState, 0);
    Arrays.fill(prevTag, 0);
    Arrays.fill(flag, 0);
    Arrays.fill(prevReward, 0f);
    Arrays.fill(returnSoFar, 0f);
  }

  /**
   * The first {@code steps} tokens of each row as NDArrays in {@code manager}: state, prompt,
   * prevAction, prevTag, flag (int32, each (rows, steps)), prevReward (float32, (rows, steps, 1)),
   * prevState (int32, (rows, steps)) and returnSoFar (float32, (rows, steps, 1)), the input order
   * of {@link CausalTransformer}.
   */
  public NDList toNDList(NDManager manager) {
    Shape s = new Shape(rows, steps);
    return new NDList(
        manager.create(state, s),
        manager.create(prompt, s),
        manager.create(prevAction, s),
        manager.create(prevTag, s),
        manager.create(flag, s),
        manager.create(prevReward, new Shape(rows, steps, 1)),
        manager.create(prevState, s),
        manager.create(returnSoFar, new Shape(rows, steps, 1)));
  }

  /** Tokens {@code [from, from + count)} of a single-row buffer as a (1, count) batch. */
  public NDList toNDList(NDManager manager, int from, int count) {
    Shape s = new Shape(1, count);
    return new NDList(
        manager.create(Arrays.copyOfRange(state, from, from + count), s),
        manager.create(Arrays.copyOfRange(prompt, from, from + count), s),
        manager.create(Arrays.copyOfRange(prevAction, from, from + count), s),
        manager.create(Arrays.copyOfRange(prevTag, from, from + count), s),
        manager.create(Arrays.copyOfRange(flag, from, from + count), s),
        manager.create(Arrays.copyOfRange(prevReward, from, from + count), new Shape(1, count, 1)),
        manager.create(Arrays.copyOfRange(prevState, from, from + count), s),
        manager.create(Arrays.copyOfRange(returnSoFar, from, from + count),
            new Shape(1, count, 1)));
  }
}
