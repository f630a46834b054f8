package io.icrl.tasks.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icrl.core.InvalidInputException;
import io.icrl.tasks.mdp.TabularMdp;
import io.icrl.tasks.mdp.TabularMdpBuilder;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FiniteHorizonPolicyTest {
  private static TabularMdp random(long seed, int states, int actions, int horizon) {
    SplittableRandom rng = new SplittableRandom(seed);
    TabularMdpBuilder b = TabularMdp.builder(states, actions).maxEpisodeSteps(horizon);
    for (int s = 0; s < states; s++) {
      b.start(s, 1.0 / states);
      for (int a = 0; a < actions; a++) {
        double p = 0.2 + 0.6 * rng.nextDouble();
        b.outcome(s, a, rng.nextInt(states), p, rng.nextDouble(), rng.nextDouble() < 0.1);
        b.outcome(s, a, rng.nextInt(states), 1 - p, -rng.nextDouble(), false);
      }
    }
    return b.build();
  }

  /** Expected return of the time-dependent policy by its own backward evaluation. */
  private static double evaluate(TabularMdp mdp, FiniteHorizonPolicy pi) {
    int nS = mdp.states();
    double[] v = new double[nS];
    for (int h = 1; h <= mdp.maxEpisodeSteps(); h++) {
      double[] w = new double[nS];
      for (int s = 0; s < nS; s++) {
        int a = pi.action(s, mdp.maxEpisodeSteps() - h);
        for (int k = mdp.outcomeStart(s, a); k < mdp.outcomeEnd(s, a); k++) {
          w[s] += mdp.prob(k) * (mdp.rewardMean(k) + (mdp.terminates(k) ? 0 : v[mdp.next(k)]));
        }
      }
      v = w;
    }
    double r = 0;
    for (int s = 0; s < nS; s++) {
      r += mdp.startProbability(s) * v[s];
    }
    return r;
  }

  @Test
  void policyAchievesTheFiniteHorizonOptimum() {
    for (long seed = 1; seed <= 5; seed++) {
      TabularMdp mdp = random(seed, 7, 3, 15);
      FiniteHorizonPolicy pi = FiniteHorizonPolicy.solve(mdp);
      double opt = FiniteHorizon.optimalReturn(mdp);
      assertEquals(opt, pi.optimalReturn(), 1e-7);
      assertEquals(opt, evaluate(mdp, pi), 1e-7);
      assertTrue(opt >= FiniteHorizon.randomReturn(mdp));
    }
  }

  @Test
  void actionsDependOnRemainingTime() {
    // State 0: action 0 pays 1 now and ends; action 1 pays 0 now and leads to state 1, where
    // action 0 pays 3 and ends. With one step left take the 1; with two, go for the 3.
    TabularMdp mdp = TabularMdp.builder(2, 2).maxEpisodeSteps(2).start(0, 1)
        .outcome(0, 0, 0, 1, 1.0, true).outcome(0, 1, 1, 1, 0.0, false)
        .outcome(1, 0, 1, 1, 3.0, true).outcome(1, 1, 1, 1, 0.0, true).build();
    FiniteHorizonPolicy pi = FiniteHorizonPolicy.solve(mdp);
    assertEquals(1, pi.action(0, 0));
    assertEquals(0, pi.action(0, 1));
    assertEquals(3.0, pi.optimalReturn(), 1e-12);
    assertEquals(1.0, pi.value(0, 1), 1e-12);
  }

  @Test
  void needsAStepLimit() {
    TabularMdp mdp = TabularMdp.builder(1, 1).start(0, 1).outcome(0, 0, 0, 1, 0, false).build();
    assertThrows(InvalidInputException.class, () -> FiniteHorizonPolicy.solve(mdp));
  }
}
