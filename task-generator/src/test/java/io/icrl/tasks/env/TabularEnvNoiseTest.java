package io.icrl.tasks.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icrl.core.InvalidInputException;
import io.icrl.tasks.mdp.StateKind;
import io.icrl.tasks.mdp.TabularMdp;
import org.junit.jupiter.api.Test;

class TabularEnvNoiseTest {
  /** State 0: action 0 goes to 1 (p 0.25, reward 1 +- 2) or 2 (p 0.75, reward -1, terminal). */
  private static TabularMdp mdp() {
    return TabularMdp.builder(3, 2).name("t").maxEpisodeSteps(3)
        .start(0, 1.0).kind(2, StateKind.PITFALL)
        .outcome(0, 0, 1, 0.25, 1.0, 2.0, false)
        .outcome(0, 0, 2, 0.75, -1.0, 0.0, true)
        .outcome(0, 1, 0, 1.0, 0.0, false)
        .outcome(1, 0, 0, 1.0, 0.5, false).outcome(1, 1, 1, 1.0, 0.0, false)
        .outcome(2, 0, 2, 1.0, 0.0, true).outcome(2, 1, 2, 1.0, 0.0, true)
        .build();
  }

  @Test
  void samplesOutcomesAndNoiseWithTheirProbabilities() {
    TabularEnv env = new TabularEnv(mdp());
    int n = 200_000;
    int toOne = 0;
    double sum = 0;
    double sq = 0;
    env.reset(1);
    for (int i = 0; i < n; i++) {
      env.reset();
      int s = env.step(0);
      if (s == 1) {
        toOne++;
        assertFalse(env.terminated());
        sum += env.reward();
        sq += (env.reward() - 1) * (env.reward() - 1);
      } else {
        assertEquals(2, s);
        assertTrue(env.terminated());
        assertEquals(-1.0, env.reward(), 0.0);
      }
    }
    assertEquals(0.25, toOne / (double) n, 0.005);
    assertEquals(1.0, sum / toOne, 0.03);
    assertEquals(2.0, Math.sqrt(sq / toOne), 0.03);
  }

  @Test
  void sameSeedSameEpisode() {
    TabularEnv a = new TabularEnv(mdp());
    TabularEnv b = new TabularEnv(mdp());
    for (long seed = 0; seed < 50; seed++) {
      assertEquals(a.reset(seed), b.reset(seed));
      while (!a.terminated() && !a.truncated()) {
        assertEquals(a.step(0), b.step(0));
        assertEquals(Double.doubleToLongBits(a.reward()), Double.doubleToLongBits(b.reward()));
        assertEquals(a.terminated(), b.terminated());
      }
    }
  }

  @Test
  void truncatesAtTheStepLimit() {
    TabularEnv env = new TabularEnv(mdp());
    env.reset(3);
    env.step(1);
    env.step(1);
    assertFalse(env.truncated());
    env.step(1);
    assertTrue(env.truncated());
    assertThrows(IllegalStateException.class, () -> env.step(1));
    env.reset();
    assertThrows(InvalidInputException.class, () -> env.step(2));
  }
}
