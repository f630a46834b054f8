package io.icrl.tasks.generate;

import io.icrl.tasks.mdp.StateKind;
import io.icrl.tasks.mdp.TabularMdp;
import io.icrl.tasks.mdp.TabularMdpBuilder;
import io.icrl.tasks.solve.SparseModel;

/**
 * An AnyMDP draw in the sampler's own state order, before its states are randomly relabelled: CSR
 * outcomes per row {@code s * actions + a}. Terminal states (kind GOAL or PITFALL) have empty rows,
 * as in Xenoverse's transition tables; {@link #build} gives them the terminating zero-reward
 * self-loop a {@link TabularMdp} needs (an episode never acts in them).
 */
final class CandidateMdp {
  final int states;
  final int actions;
  final int[] rowStart;
  final int[] next;
  final double[] prob;
  final double[] rewardMean;
  final double[] rewardStd;
  final boolean[] terminates;
  final StateKind[] kinds;
  final double[] start;
  /** The adjusted terminal reward of entering each state (part of every reward mean into it). */
  final double[] terminalReward;

  CandidateMdp(int states, int actions, int[] rowStart, int[] next, double[] prob,
      double[] rewardMean, double[] rewardStd, boolean[] terminates, StateKind[] kinds,
      double[] start, double[] terminalReward) {
    this.states = states;
    this.actions = actions;
    this.rowStart = rowStart;
    this.next = next;
    this.prob = prob;
    this.rewardMean = rewardMean;
    this.rewardStd = rewardStd;
    this.terminates = terminates;
    this.kinds = kinds;
    this.start = start;
    this.terminalReward = terminalReward;
  }

  /** The solver view: expected rewards, terminal rows empty. */
  SparseModel model() {
    int rows = states * actions;
    double[] r = new double[rows];
    for (int row = 0; row < rows; row++) {
      double acc = 0;
      for (int k = rowStart[row], hi = rowStart[row + 1]; k < hi; k++) {
        acc += prob[k] * rewardMean[k];
      }
      r[row] = acc;
    }
    return new SparseModel(states, actions, rowStart, next, prob, terminates, r);
  }

  /** Whether each state is terminal (an episode ends on entering it). */
  boolean[] terminalStates() {
    boolean[] t = new boolean[states];
    for (int s = 0; s < states; s++) {
      t[s] = kinds[s] != StateKind.NORMAL;
    }
    return t;
  }

  /** The final MDP, state {@code s} becoming {@code mapping[s]}. */
  TabularMdp build(String name, int maxSteps, int[] mapping) {
    TabularMdpBuilder b = TabularMdp.builder(states, actions).name(name).maxEpisodeSteps(maxSteps);
    for (int s = 0; s < states; s++) {
      int o = mapping[s];
      b.start(o, start[s]).kind(o, kinds[s]);
      for (int a = 0; a < actions; a++) {
        int row = s * actions + a;
        int lo = rowStart[row];
        int hi = rowStart[row + 1];
        if (lo == hi) {
          b.outcome(o, a, o, 1.0, 0.0, 0.0, true);
        }
        for (int k = lo; k < hi; k++) {
          b.outcome(o, a, mapping[next[k]], prob[k], rewardMean[k], rewardStd[k], terminates[k]);
        }
      }
    }
    return b.build();
  }
}
