package io.icrl.learner.model;

import io.icrl.core.InvalidInputException;
import io.icrl.synth.format.StepWindow;
import io.icrl.synth.format.Tag;

/**
 * The one place where RL steps become tokens, used by training batches and by step-by-step
 * inference alike.
 *
 * <p>The token of step t combines the current observation {@code s_t} and prompt {@code p_t} with
 * what came just before: the previous row's state {@code s_{t-1}}, action {@code a_{t-1}}, reward
 * {@code r_{t-1}} and tag, and a boundary flag. A token thus holds a whole transition, which lets
 * attention retrieve what happened at earlier visits of the current state in a single hop. The action read out at step t therefore sees the whole history and the
 * current state but never {@code a_t}.
 *
 * <p>Boundary flags follow the row semantics of {@link StepWindow}: an episode ends with a boundary
 * row (its final observation, no action); the next row is the following episode's reset
 * observation, whose token has no previous action and says how the last episode ended. The first
 * token of a context (a training window or an evaluator run) is {@link #FLAG_CONTEXT_START}.
 */
public final class StepEncoding {
  /** The previous row was an action row of the same episode. */
  public static final int FLAG_CONTINUE = 0;
  /** The previous row was the boundary row of an episode that terminated. */
  public static final int FLAG_AFTER_TERMINATED = 1;
  /** The previous row was the boundary row of an episode that was truncated. */
  public static final int FLAG_AFTER_TRUNCATED = 2;
  /** No previous row in the context. */
  public static final int FLAG_CONTEXT_START = 3;
  /** Number of boundary flags. */
  public static final int FLAGS = 4;
  /** The "no previous tag" code. */
  public static final int NO_TAG = Tag.COUNT;
  /** Size of the previous-tag vocabulary (the tags plus "none"). */
  public static final int TAG_VOCAB = Tag.COUNT + 1;

  private StepEncoding() {}

  /**
   * Writes one step's token (raw task IDs, mapped through {@code perm}) at {@code index} of {@code
   * out}.
   *
   * @param prevState the previous row's task state (used only when {@code prevAction} is given)
   * @param prevAction the previous row's task action, or -1 for none
   * @param prevTag the previous row's tag code, or -1 for none
   * @param flag one of the {@code FLAG_*} constants
   * @param returnSoFar the sum of the rewards of this step's episode before it (0 at its first
   *     step; counted from the context's start for an episode that began before it)
   */
  public static void encodeStep(ModelConfig cfg, SymbolPermutation perm, int state, int prompt,
      int prevState, int prevAction, float prevReward, int prevTag, int flag, double returnSoFar,
      StepTokens out, int index) {
    if (prompt < 0 || prompt >= cfg.promptVocab()) {
      throw new InvalidInputException("prompt code " + prompt + " out of the model's prompt"
          + " vocabulary [0, " + cfg.promptVocab() + ")");
    }
    if (flag < 0 || flag >= FLAGS) {
      throw new IllegalArgumentException("boundary flag " + flag + " out of range [0, " + FLAGS
          + ")");
    }
    if (prevTag >= Tag.COUNT) {
      throw new InvalidInputException("tag code " + prevTag + " out of range [0, " + Tag.COUNT
          + ")");
    }
    out.state[index] = perm.state(state);
    out.prompt[index] = prompt;
    boolean none = prevAction < 0;
    out.prevAction[index] = none ? cfg.actionVocab() : perm.action(prevAction);
    out.prevState[index] = none || prevState < 0 ? cfg.stateVocab() : perm.state(prevState);
    out.prevReward[index] = none ? 0f : rewardFeature(prevReward);
    out.prevTag[index] = none || prevTag < 0 ? NO_TAG : prevTag;
    out.flag[index] = flag;
    out.returnSoFar[index] = rewardFeature(returnSoFar);
  }

  /**
   * Writes the tokens of rows {@code [0, steps)} of {@code w} into row {@code row} of {@code out}
   * (positions past {@code w.length} become padding). Row 0 of the window is a context start.
   *
   * @return the number of real (non-padding) tokens written
   */
  public static int encodeWindow(ModelConfig cfg, SymbolPermutation perm, StepWindow w,
      StepTokens out, int row) {
    int n = Math.min(out.steps, w.length);
    int base = row * out.steps;
    double returnSoFar = 0;
    for (int i = 0; i < n; i++) {
      int prevState = -1;
      int prevAction = -1;
      float prevReward = 0f;
      int prevTag = -1;
      int flag;
      if (i == 0) {
        flag = FLAG_CONTEXT_START;
      } else if (w.isBoundary(i - 1)) {
        flag = w.terminated[i - 1] ? FLAG_AFTER_TERMINATED : FLAG_AFTER_TRUNCATED;
      } else {
        flag = FLAG_CONTINUE;
        prevState = w.state[i - 1];
        prevAction = w.action[i - 1];
        prevReward = w.reward[i - 1];
        prevTag = w.tag[i - 1];
      }
      returnSoFar = flag == FLAG_CONTINUE ? returnSoFar + prevReward : 0;
      encodeStep(cfg, perm, w.state[i], w.prompt[i] & 0xff, prevState, prevAction, prevReward,
          prevTag, flag, returnSoFar, out, base + i);
    }
    for (int i = n; i < out.steps; i++) {
      out.state[base + i] = 0;
      out.prompt[base + i] = 0;
      out.prevAction[base + i] = cfg.actionVocab();
      out.prevState[base + i] = cfg.stateVocab();
      out.prevReward[base + i] = 0f;
      out.returnSoFar[base + i] = 0f;
      out.prevTag[base + i] = NO_TAG;
      out.flag[base + i] = FLAG_CONTINUE;
    }
    return n;
  }

  /**
   * The scalar reward as the model sees it and predicts it: {@code sign(r) * ln(1 + |r|)}, which
   * keeps rewards of any scale in a range the network handles.
   */
  public static float rewardFeature(double reward) {
    return (float) (Math.signum(reward) * StrictMath.log1p(Math.abs(reward)));
  }

  /** Inverse of {@link #rewardFeature}. */
  public static double rewardOfFeature(double feature) {
    return Math.signum(feature) * StrictMath.expm1(Math.abs(feature));
  }
}
