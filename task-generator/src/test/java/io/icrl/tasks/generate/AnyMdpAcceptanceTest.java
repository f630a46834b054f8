package io.icrl.tasks.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icrl.tasks.mdp.StateKind;
import io.icrl.tasks.mdp.TabularMdp;
import io.icrl.tasks.mdp.TabularMdpBuilder;
import org.junit.jupiter.api.Test;

/** Hand-built MDPs that pass, and that violate each of AnyMDP's acceptance checks. */
class AnyMdpAcceptanceTest {
  /**
   * Action 0 spreads uniformly over all states with reward 1, action 1 likewise with reward 0: the
   * optimal policy earns 1 per step (random 0.5) and visits every state equally.
   */
  static TabularMdp spread(int n) {
    TabularMdpBuilder b = TabularMdp.builder(n, 2).maxEpisodeSteps(100).start(0, 1.0);
    for (int s = 0; s < n; s++) {
      for (int t = 0; t < n; t++) {
        b.outcome(s, 0, t, 1.0 / n, 1.0, false);
        b.outcome(s, 1, t, 1.0 / n, 0.0, false);
      }
    }
    return b.build();
  }

  @Test
  void acceptsALearnableWellSpreadTask() {
    AnyMdpAcceptance.Verdict v = AnyMdpAcceptance.check(spread(8));
    assertTrue(v.accepted(), v.reason());
    // Per-episode value gap (1 - gamma) * 100 * (Q_opt - max_a Q_rand): Q_opt = 1 / (1 - gamma)
    // and the best first action before acting randomly is worth 1 + gamma * 0.5 / (1 - gamma).
    double gamma = Math.pow(2, -1.0 / 8);
    assertEquals(100 * 0.5 * gamma, v.valueGap(), 1e-6);
    assertEquals(1 - 8 * Math.pow(1.0 / 8 + 1e-12, 2), v.gini(), 1e-9);
    assertEquals(1.0, v.entropy(), 1e-9);
  }

  @Test
  void rejectsWhenOptimalDoesNotBeatRandom() {
    // Both actions identical: optimal = random.
    int n = 8;
    TabularMdpBuilder b = TabularMdp.builder(n, 2).maxEpisodeSteps(100).start(0, 1.0);
    for (int s = 0; s < n; s++) {
      for (int t = 0; t < n; t++) {
        b.outcome(s, 0, t, 1.0 / n, 1.0, false);
        b.outcome(s, 1, t, 1.0 / n, 1.0, false);
      }
    }
    AnyMdpAcceptance.Verdict v = AnyMdpAcceptance.check(b.build());
    assertFalse(v.accepted());
    assertTrue(v.reason().startsWith("value gap"), v.reason());
    assertEquals(0.0, v.valueGap(), 1e-9);
  }

  @Test
  void rejectsASmallButRealGap() {
    // Rewards 1 vs 0.99: the optimal policy is better, but by 0.5 per episode of 100 steps.
    int n = 8;
    TabularMdpBuilder b = TabularMdp.builder(n, 2).maxEpisodeSteps(100).start(0, 1.0);
    for (int s = 0; s < n; s++) {
      for (int t = 0; t < n; t++) {
        b.outcome(s, 0, t, 1.0 / n, 1.0, false);
        b.outcome(s, 1, t, 1.0 / n, 0.99, false);
      }
    }
    AnyMdpAcceptance.Verdict v = AnyMdpAcceptance.check(b.build());
    assertFalse(v.accepted());
    assertTrue(v.valueGap() > 0 && v.valueGap() < AnyMdpAcceptance.MIN_VALUE_GAP, v.reason());
  }

  @Test
  void rejectsWhenTheOptimalPolicyConcentrates() {
    // Action 0 jumps to state 7, which pays 1 per step for staying; action 1 wanders uniformly for
    // nothing. The optimal policy sits in state 7: Gini impurity ~0.
    int n = 8;
    TabularMdpBuilder b = TabularMdp.builder(n, 2).maxEpisodeSteps(100).start(0, 1.0);
    for (int s = 0; s < n; s++) {
      b.outcome(s, 0, 7, 1.0, s == 7 ? 1.0 : 0.0, false);
      for (int t = 0; t < n; t++) {
        b.outcome(s, 1, t, 1.0 / n, 0.0, false);
      }
    }
    AnyMdpAcceptance.Verdict v = AnyMdpAcceptance.check(b.build());
    assertFalse(v.accepted());
    assertTrue(v.valueGap() >= AnyMdpAcceptance.MIN_VALUE_GAP, v.reason());
    assertTrue(v.reason().startsWith("Gini"), v.reason());
    assertTrue(v.gini() < 0.01);
  }

  @Test
  void rejectsWhenTheOptimalPolicyCoversTooFewOfManyStates() {
    // 128 states, but the optimal policy mixes over states 0..4 only: Gini 0.8 passes, normalized
    // entropy ln 5 / ln 128 = 0.33 does not. Action 1 leads to a dead end (state 5) for nothing.
    int n = 128;
    TabularMdpBuilder b = TabularMdp.builder(n, 2).maxEpisodeSteps(600).start(0, 1.0);
    for (int s = 0; s < n; s++) {
      for (int t = 0; t < 5; t++) {
        b.outcome(s, 0, t, 0.2, s < 5 ? 1.0 : 0.0, false);
      }
      b.outcome(s, 1, 5, 1.0, 0.0, false);
    }
    AnyMdpAcceptance.Verdict v = AnyMdpAcceptance.check(b.build());
    assertFalse(v.accepted());
    assertTrue(v.reason().startsWith("normalized entropy"), v.reason());
    assertEquals(0.8, v.gini(), 1e-6);
    assertEquals(Math.log(5) / Math.log(128), v.entropy(), 1e-6);
  }

  @Test
  void terminalStatesRestartFromTheStartDistribution() {
    // Start uniformly in {0, 1, 2}; action 0 walks start -> 3 -> 4 -> goal 7 (reward 10 on
    // arrival), action 1 returns to state 0 for nothing; states 5 and 6 are never reached. The
    // optimal chain has period 4 through the goal, so after 2^k steps it is back on the start
    // distribution: Gini 1 - 3 (1/3)^2 = 2/3, just below the bar. (Were the goal absorbing, or
    // restarting in state 0 only, the Gini impurity would be 0.)
    TabularMdpBuilder b = TabularMdp.builder(8, 2).maxEpisodeSteps(100)
        .start(0, 1.0 / 3).start(1, 1.0 / 3).start(2, 1.0 / 3).kind(7, StateKind.GOAL);
    for (int s = 0; s < 7; s++) {
      int next = s <= 2 ? 3 : s == 3 ? 4 : s == 4 ? 7 : s;
      b.outcome(s, 0, next, 1.0, next == 7 ? 10.0 : 0.0, next == 7);
      b.outcome(s, 1, 0, 1.0, 0.0, false);
    }
    b.outcome(7, 0, 7, 1.0, 0.0, true).outcome(7, 1, 7, 1.0, 0.0, true);
    AnyMdpAcceptance.Verdict v = AnyMdpAcceptance.check(b.build());
    assertFalse(v.accepted());
    assertTrue(v.valueGap() >= AnyMdpAcceptance.MIN_VALUE_GAP, v.reason());
    assertTrue(v.reason().startsWith("Gini"), v.reason());
    assertEquals(2.0 / 3, v.gini(), 1e-9);
  }

  @Test
  void banditsHaveNoChecks() {
    TabularMdp bandit = TabularMdp.builder(1, 2).maxEpisodeSteps(1).start(0, 1.0)
        .outcome(0, 0, 0, 1.0, 1.0, true).outcome(0, 1, 0, 1.0, 1.0, true).build();
    assertTrue(AnyMdpAcceptance.check(bandit).accepted());
  }
}
