package io.icrl.eval.sweep;

import io.icrl.tasks.solve.FiniteHorizonPolicy;
import java.util.Arrays;

/**
 * Per-episode statistics of the actions of one run, for telling an agent that learns from a stuck
 * one: how often it took the optimal policy's action, and how often it repeated its own most recent
 * action in the same state. The run's own actions only: context data the agent was given is not
 * counted as its actions.
 *
 * <p>The optimal action is the task's finite-horizon optimum at the step's elapsed time (its
 * argmax; on a tie only the one action it stores counts). A step counts towards the repeat rate
 * when the run had acted in that state before (earlier in the episode or in an earlier episode).
 */
final class ActionStats {
  private final FiniteHorizonPolicy optimum;
  private final int[] last;
  private int optimal;
  private int revisits;
  private int repeats;

  ActionStats(FiniteHorizonPolicy optimum) {
    this.optimum = optimum;
    this.last = new int[optimum.states()];
    Arrays.fill(last, -1);
  }

  /** Records that the run took {@code action} in {@code state} after {@code elapsed} steps. */
  void record(int state, int elapsed, int action) {
    if (action == optimum.action(state, elapsed)) {
      optimal++;
    }
    if (last[state] >= 0) {
      revisits++;
      if (last[state] == action) {
        repeats++;
      }
    }
    last[state] = action;
  }

  /**
   * The finished episode's record ({@code length} = the steps recorded since the last call);
   * resets the per-episode counts (not the run's memory).
   */
  EpisodeRecord finish(int episode, double ret, double score, int length) {
    double optimalRate = length == 0 ? Double.NaN : (double) optimal / length;
    double repeatRate = revisits == 0 ? Double.NaN : (double) repeats / revisits;
    optimal = 0;
    revisits = 0;
    repeats = 0;
    return new EpisodeRecord(episode, ret, score, length, optimalRate, repeatRate);
  }
}
