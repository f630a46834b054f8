package io.icrl.tasks.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icrl.tasks.mdp.TabularMdp;

/** Structural checks every generated MDP must pass (beyond what TabularMdp validates). */
final class MdpChecks {
  private MdpChecks() {}

  static void assertWellFormed(TabularMdp m) {
    assertTrue(m.maxEpisodeSteps() > 0 && m.maxEpisodeSteps() < Integer.MAX_VALUE, m.name());
    double start = 0;
    for (int s = 0; s < m.states(); s++) {
      start += m.startProbability(s);
      if (m.startProbability(s) > 0 && m.states() > 1) {
        assertFalse(m.isTerminal(s), m.name() + ": start state " + s + " is terminal");
      }
      for (int a = 0; a < m.actions(); a++) {
        double p = 0;
        for (int k = m.outcomeStart(s, a); k < m.outcomeEnd(s, a); k++) {
          assertTrue(m.prob(k) > 0, m.name() + ": zero-probability outcome");
          assertTrue(Double.isFinite(m.rewardMean(k)) && m.rewardStd(k) >= 0);
          // Entering a terminal state ends the episode, and only then (bandits aside).
          if (m.states() > 1) {
            assertEquals(m.isTerminal(m.next(k)), m.terminates(k),
                m.name() + ": outcome " + k + " of (" + s + ", " + a + ")");
          }
          p += m.prob(k);
        }
        assertEquals(1.0, p, 1e-9);
      }
    }
    assertEquals(1.0, start, 1e-9);
  }
}
