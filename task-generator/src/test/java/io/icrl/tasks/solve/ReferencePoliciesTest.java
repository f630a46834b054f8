package io.icrl.tasks.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icrl.tasks.generate.Generators;
import io.icrl.tasks.mdp.TabularMdp;
import org.junit.jupiter.api.Test;

class ReferencePoliciesTest {
  @Test
  void eachPolicyIsGreedyForItsDiscount() {
    for (String id : new String[] {"anymdp:states=32,seed=1", "anymdp:states=16,actions=3,seed=2",
        "garnet:states=30,seed=3", "anymdp-v1:states=24,seed=4"}) {
      TabularMdp mdp = Generators.generate(id);
      int[][] ref = ReferencePolicies.compute(mdp);
      double[] gammas = ReferencePolicies.gammas();
      assertArrayEquals(new double[] {0.0, 0.5, 0.93, 0.994}, gammas);
      assertEquals(4, ref.length);
      for (int i = 0; i < 4; i++) {
        assertEquals(mdp.states(), ref[i].length);
        QTable vi = ValueIteration.solve(mdp, gammas[i], 1e-12, 1_000_000);
        for (int s = 0; s < mdp.states(); s++) {
          double best = vi.q(s, vi.greedyAction(s));
          double chosen = vi.q(s, ref[i][s]);
          assertTrue(chosen >= best - 1e-7 * (1 + Math.abs(best)),
              id + " opt" + i + " state " + s + ": " + chosen + " < " + best);
        }
      }
    }
  }

  @Test
  void opt0IsTheImmediateRewardGreedyPolicy() {
    TabularMdp mdp = Generators.generate("anymdp:states=16,seed=5");
    int[] opt0 = ReferencePolicies.compute(mdp)[0];
    for (int s = 0; s < mdp.states(); s++) {
      double best = Double.NEGATIVE_INFINITY;
      for (int a = 0; a < mdp.actions(); a++) {
        best = Math.max(best, mdp.expectedReward(s, a));
      }
      assertEquals(best, mdp.expectedReward(s, opt0[s]), 1e-12);
    }
  }

  @Test
  void tiesGoToTheLowestAction() {
    // Dark room with the goal in a corner: from the opposite corner, moving towards it
    // horizontally or vertically is equally good.
    TabularMdp room = Generators.generate("darkroom:size=5,goal=0");
    int[][] ref = ReferencePolicies.compute(room);
    int farCorner = 24;
    // left (0) and up (2) tie; the lower index wins.
    assertEquals(0, ref[3][farCorner]);
    assertEquals(0, ref[2][farCorner]);
    // On the goal, staying (no-op, 4) keeps the reward; left and up into the wall also stay and tie.
    assertEquals(0, ref[3][0]);
  }
}
