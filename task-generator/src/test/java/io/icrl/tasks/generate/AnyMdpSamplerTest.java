package io.icrl.tasks.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icrl.core.Seeds;
import io.icrl.tasks.mdp.StateKind;
import io.icrl.tasks.solve.PolicyIteration;
import io.icrl.tasks.solve.QTable;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Properties of single AnyMDP draws, in the sampler's own (band) state order. */
class AnyMdpSamplerTest {
  @Test
  void drawsHaveTheAnyMdpStructure() {
    int checked = 0;
    for (int i = 0; i < 60; i++) {
      int ns = new int[] {8, 16, 40}[i % 3];
      int na = 2 + i % 4;
      CandidateMdp c = AnyMdpSampler.mdp(ns, na, Seeds.rng(123, "test", i));
      if (c == null) {
        continue; // the terminal-reward adjustment failed: the generator resamples
      }
      checked++;
      // Start states are among 0, 1, 2 and never terminal.
      double start = 0;
      for (int s = 0; s < ns; s++) {
        if (c.start[s] > 0) {
          assertTrue(s < 3);
          assertEquals(StateKind.NORMAL, c.kinds[s]);
        }
        start += c.start[s];
      }
      assertEquals(1.0, start, 1e-12);
      // Only the last state can be the goal.
      for (int s = 0; s < ns - 1; s++) {
        assertTrue(c.kinds[s] != StateKind.GOAL);
      }
      int maxBack = Math.max(2, ns / 2 + 1);
      for (int s = 0; s < ns; s++) {
        boolean terminal = c.kinds[s] != StateKind.NORMAL;
        for (int a = 0; a < na; a++) {
          int row = s * na + a;
          int lo = c.rowStart[row];
          int hi = c.rowStart[row + 1];
          // Terminal states have no transitions; the others a normalized band.
          assertEquals(terminal, lo == hi);
          double p = 0;
          double last = Double.POSITIVE_INFINITY;
          for (int k = lo; k < hi; k++) {
            assertTrue(c.next[k] >= s - maxBack, "band reaches too far back");
            assertTrue(c.prob[k] >= AnyMdpSampler.PRUNE * 0.99);
            assertTrue(c.prob[k] <= last, "outcomes in decreasing probability");
            last = c.prob[k];
            assertEquals(c.kinds[c.next[k]] != StateKind.NORMAL, c.terminates[k]);
            if (s == ns - 1) {
              assertTrue(c.next[k] != s, "the last state has no self-loop");
            }
            p += c.prob[k];
          }
          if (!terminal) {
            assertEquals(1.0, p, 1e-12);
          }
        }
      }
      // The adjustment's guarantees at gamma 0.99: every non-terminal state is worth at least 1
      // more than the worst terminal reward, and the last non-goal state (the goal's predecessor
      // when the goal terminates) at least 2 more than the best start state.
      QTable q = PolicyIteration.solve(c.model(), 0.99);
      boolean finalGoal = c.kinds[ns - 1] == StateKind.GOAL;
      double minTerminalReward = Double.POSITIVE_INFINITY;
      for (int s = 0; s < ns; s++) {
        minTerminalReward = Math.min(minTerminalReward, c.terminalReward[s]);
        if (c.kinds[s] != StateKind.PITFALL && s != ns - 1) {
          assertEquals(0.0, c.terminalReward[s], 0.0);
        }
      }
      assertTrue(c.terminalReward[ns - 1] >= 1.0);
      double maxStart = Double.NEGATIVE_INFINITY;
      for (int s = 0; s < ns; s++) {
        if (c.kinds[s] == StateKind.NORMAL) {
          assertTrue(q.value(s) >= minTerminalReward + 1 - 1e-6, "pitfalls must be worst");
        }
        if (c.start[s] > 0) {
          maxStart = Math.max(maxStart, q.value(s));
        }
      }
      int lastValid = finalGoal ? ns - 2 : ns - 1;
      assertTrue(q.value(lastValid) >= maxStart + 2 - 1e-6, "the goal end must be best");
    }
    assertTrue(checked > 20, "too few successful draws: " + checked);
  }

  @Test
  void banditArmsDiffer() {
    for (int i = 0; i < 50; i++) {
      CandidateMdp c = AnyMdpSampler.bandit(3, new SplittableRandom(i));
      double mean = (c.rewardMean[0] + c.rewardMean[1] + c.rewardMean[2]) / 3;
      double var = 0;
      for (int a = 0; a < 3; a++) {
        var += Math.pow(c.rewardMean[a] - mean, 2) / 3;
        assertTrue(c.terminates[a]);
        assertEquals(c.rewardStd[0] / c.rewardMean[0], c.rewardStd[a] / c.rewardMean[a], 1e-12);
      }
      assertTrue(Math.sqrt(var) > 0.01);
    }
  }
}
