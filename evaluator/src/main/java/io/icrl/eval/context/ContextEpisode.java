package io.icrl.eval.context;

import io.icrl.synth.format.Tag;

/**
 * One recorded episode shown to an agent before it acts: {@code length()} steps of (state,
 * action, true reward), the final observation, how the episode ended, and the tag of the policy
 * that produced it. Arrays are owned by the episode and never modified.
 */
public final class ContextEpisode {
  private final int[] states;
  private final int[] actions;
  private final double[] rewards;
  private final int finalState;
  private final boolean terminated;
  private final boolean truncated;
  private final Tag tag;
  private final double trueReturn;

  /**
   * @param states the observation of each step
   * @param actions the action of each step
   * @param rewards the true reward of each step
   * @param finalState the observation after the last step
   */
  public ContextEpisode(int[] states, int[] actions, double[] rewards, int finalState,
      boolean terminated, boolean truncated, Tag tag) {
    if (states.length != actions.length || states.length != rewards.length) {
      throw new IllegalArgumentException("context episode columns differ in length: "
          + states.length + ", " + actions.length + ", " + rewards.length);
    }
    this.states = states;
    this.actions = actions;
    this.rewards = rewards;
    this.finalState = finalState;
    this.terminated = terminated;
    this.truncated = truncated;
    this.tag = tag;
    double r = 0;
    for (double x : rewards) {
      r += x;
    }
    this.trueReturn = r;
  }

  /** Number of steps (actions). */
  public int length() {
    return states.length;
  }

  public int state(int i) {
    return states[i];
  }

  public int action(int i) {
    return actions[i];
  }

  public double reward(int i) {
    return rewards[i];
  }

  public int finalState() {
    return finalState;
  }

  /** The state reached by step {@code i}'s action: the next step's state, or the final one. */
  public int nextState(int i) {
    return i + 1 < length() ? states[i + 1] : finalState;
  }

  /** Whether step {@code i}'s action ended the episode by termination. */
  public boolean terminatesAt(int i) {
    return i + 1 == length() && terminated;
  }

  public boolean terminated() {
    return terminated;
  }

  public boolean truncated() {
    return truncated;
  }

  public Tag tag() {
    return tag;
  }

  /** The episode's undiscounted return with the task's true rewards. */
  public double trueReturn() {
    return trueReturn;
  }
}
