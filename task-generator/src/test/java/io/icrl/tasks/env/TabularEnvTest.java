package io.icrl.tasks.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icrl.core.InvalidInputException;
import io.icrl.tasks.mdp.ChainMdp;
import io.icrl.tasks.mdp.TabularMdp;
import org.junit.jupiter.api.Test;

class TabularEnvTest {
  @Test
  void transitionFrequenciesMatchProbabilities() {
    TabularEnv env = new TabularEnv(ChainMdp.of(4, 0.3, 1000));
    env.reset(1);
    int slips = 0;
    int n = 100_000;
    for (int i = 0; i < n; i++) {
      env.reset();
      int s = env.step(1);
      if (s == 0) {
        slips++;
      }
    }
    assertEquals(0.3, slips / (double) n, 0.01);
  }

  @Test
  void terminatesAtTheGoalWithItsReward() {
    TabularEnv env = new TabularEnv(ChainMdp.of(3, 0, 10));
    assertEquals(0, env.reset(5));
    assertEquals(1, env.step(1));
    assertFalse(env.terminated());
    assertEquals(2, env.step(1));
    assertTrue(env.terminated());
    assertFalse(env.truncated());
    assertEquals(1.0, env.reward());
    assertThrows(IllegalStateException.class, () -> env.step(0));
  }

  @Test
  void truncatesAtTheStepLimit() {
    TabularEnv env = new TabularEnv(ChainMdp.of(5, 0, 3));
    env.reset(0);
    env.step(0);
    env.step(0);
    assertFalse(env.truncated());
    env.step(0);
    assertTrue(env.truncated());
    assertFalse(env.terminated());
  }

  @Test
  void sameSeedSameTrajectory() {
    TabularMdp m = ChainMdp.of(6, 0.4, 50);
    TabularEnv a = new TabularEnv(m);
    TabularEnv b = new TabularEnv(m);
    a.reset(42);
    b.reset(42);
    for (int i = 0; i < 40 && !a.terminated() && !a.truncated(); i++) {
      assertEquals(a.step(1), b.step(1));
    }
  }

  @Test
  void rejectsActionsOutOfRange() {
    TabularEnv env = new TabularEnv(ChainMdp.of(3, 0, 10));
    env.reset(0);
    assertThrows(InvalidInputException.class, () -> env.step(2));
  }
}
