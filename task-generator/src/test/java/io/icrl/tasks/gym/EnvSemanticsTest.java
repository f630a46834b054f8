package io.icrl.tasks.gym;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icrl.tasks.TaskRegistry;
import io.icrl.tasks.env.ContinuousEnv;
import io.icrl.tasks.env.DiscreteEnv;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Gymnasium episode semantics of the environments made from the registered ids. */
class EnvSemanticsTest {
  private static final TaskRegistry REGISTRY = TaskRegistry.standard();
  private static final int LEFT = 0;
  private static final int DOWN = 1;
  private static final int RIGHT = 2;

  private static List<Double> discreteTrace(DiscreteEnv env, long seed) {
    List<Double> trace = new ArrayList<>();
    for (int episode = 0; episode < 3; episode++) {
      trace.add((double) (episode == 0 ? env.reset(seed) : env.reset()));
      addHidden(env, trace);
      for (int t = 0; t < 500; t++) {
        trace.add((double) env.step(t % env.actionCount()));
        trace.add(env.reward());
        addHidden(env, trace);
        if (env.terminated() || env.truncated()) {
          break;
        }
      }
    }
    return trace;
  }

  /** A coarse grid may hide the start state; the continuous observation behind it shows it. */
  private static void addHidden(DiscreteEnv env, List<Double> trace) {
    if (env instanceof DiscretizedEnv d) {
      for (double v : d.lastObservation()) {
        trace.add(v);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"FrozenLake-v1", "Taxi-v4:is_rainy=true", "CliffWalkingSlippery-v1",
      "Pendulum-v1:bins=12x5", "MountainCar-v0:bins=12x5"})
  void discreteResetWithSeedIsReproducible(String id) {
    List<Double> a = discreteTrace(REGISTRY.make(id).newEnv(), 42);
    List<Double> b = discreteTrace(REGISTRY.make(id).newEnv(), 42);
    List<Double> c = discreteTrace(REGISTRY.make(id).newEnv(), 43);
    assertTrue(a.equals(b), "same seed, same trace");
    assertFalse(a.equals(c), "another seed, another trace");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Pendulum-v1", "MountainCar-v0"})
  void continuousResetWithSeedIsReproducible(String id) {
    ContinuousEnv e1 = REGISTRY.make(id).newContinuousEnv();
    ContinuousEnv e2 = REGISTRY.make(id).newContinuousEnv();
    assertArrayEquals(e1.reset(5), e2.reset(5));
    assertArrayEquals(e1.reset(), e2.reset());
    assertFalse(java.util.Arrays.equals(e1.reset(5), e1.reset(6)));
  }

  @Test
  void resetDistributionsFollowGymnasium() {
    ContinuousEnv pendulum = REGISTRY.make("Pendulum-v1").newContinuousEnv();
    ContinuousEnv car = REGISTRY.make("MountainCar-v0").newContinuousEnv();
    pendulum.reset(1);
    car.reset(1);
    double minSin = 1;
    double maxSin = -1;
    for (int i = 0; i < 2000; i++) {
      double[] o = pendulum.reset();
      assertEquals(1.0, o[0] * o[0] + o[1] * o[1], 1e-6);
      assertTrue(Math.abs(o[2]) <= 1.0);
      minSin = Math.min(minSin, o[1]);
      maxSin = Math.max(maxSin, o[1]);
      double[] c = car.reset();
      assertTrue(c[0] >= -0.6 && c[0] <= -0.4, "position " + c[0]);
      assertEquals(0.0, c[1]);
    }
    assertTrue(minSin < -0.99 && maxSin > 0.99, "theta covers [-pi, pi]");
  }

  @Test
  void frozenLakeTruncatesAtTheStepLimit() {
    DiscreteEnv env = REGISTRY.make("FrozenLake-v1:is_slippery=false").newEnv();
    assertEquals(100, env.maxEpisodeSteps());
    env.reset(0);
    for (int t = 1; t <= 100; t++) {
      assertEquals(0, env.step(LEFT)); // walking into the left wall stays on the start
      assertFalse(env.terminated());
      assertEquals(t == 100, env.truncated(), "step " + t);
    }
    assertThrows(IllegalStateException.class, () -> env.step(LEFT));
    assertEquals(200, REGISTRY.make("FrozenLake8x8-v1").newEnv().maxEpisodeSteps());
    assertEquals(200, REGISTRY.make("Taxi-v4").newEnv().maxEpisodeSteps());
    assertEquals(Integer.MAX_VALUE, REGISTRY.make("CliffWalking-v1").newEnv().maxEpisodeSteps());
    assertEquals(30, REGISTRY.make("Taxi-v4:max_episode_steps=30").newEnv().maxEpisodeSteps());
  }

  @Test
  void frozenLakeTerminatesInHolesAndOnTheGoal() {
    DiscreteEnv env = REGISTRY.make("FrozenLake-v1:is_slippery=false").newEnv();
    env.reset(0);
    assertEquals(4, env.step(DOWN));
    assertEquals(5, env.step(RIGHT)); // H at (1, 1)
    assertTrue(env.terminated());
    assertFalse(env.truncated());
    assertEquals(0.0, env.reward());

    env.reset(0);
    int[] path = {DOWN, DOWN, RIGHT, DOWN, RIGHT, RIGHT};
    int[] states = {4, 8, 9, 13, 14, 15};
    for (int i = 0; i < path.length; i++) {
      assertEquals(states[i], env.step(path[i]));
      assertEquals(i == path.length - 1, env.terminated());
      assertEquals(i == path.length - 1 ? 1.0 : 0.0, env.reward());
    }
  }

  @Test
  void cliffSendsBackToStartWithoutTerminating() {
    DiscreteEnv env = REGISTRY.make("CliffWalking-v1").newEnv();
    assertEquals(36, env.reset(0));
    assertEquals(36, env.step(1)); // right, into the cliff
    assertEquals(-100.0, env.reward());
    assertFalse(env.terminated());
    assertEquals(24, env.step(0)); // up
    for (int i = 0; i < 11; i++) {
      env.step(1);
    }
    assertEquals(47, env.step(2)); // down onto the goal
    assertTrue(env.terminated());
    assertEquals(-1.0, env.reward());
  }

  @Test
  void pendulumNeverTerminatesAndTruncatesAt200() {
    ContinuousEnv env = REGISTRY.make("Pendulum-v1").newContinuousEnv();
    env.reset(3);
    for (int t = 1; t <= 200; t++) {
      env.step(new double[] {5.0}); // clipped to 2
      assertFalse(env.terminated());
      assertEquals(t == 200, env.truncated());
      assertTrue(env.reward() <= 0 && env.reward() >= -(Math.PI * Math.PI + 6.4 + 0.004));
    }
    assertThrows(IllegalStateException.class, () -> env.step(new double[] {0}));
  }

  @Test
  void pendulumTorqueIsClipped() {
    PendulumEnv a = new PendulumEnv();
    PendulumEnv b = new PendulumEnv();
    a.reset(9);
    b.reset(9);
    assertArrayEquals(a.step(new double[] {2.0}), b.step(new double[] {7.5}));
    assertEquals(a.reward(), b.reward());
  }

  @Test
  void pendulumGravityParameter() {
    ContinuousEnv moon = REGISTRY.make("Pendulum-v1:g=1.6").newContinuousEnv();
    ContinuousEnv earth = REGISTRY.make("Pendulum-v1").newContinuousEnv();
    double[] start = {0.0, 1.0, 0.0}; // horizontal, at rest
    moon.setStateFromObservation(start);
    earth.setStateFromObservation(start);
    // thetadot' = 3 g / 2 sin(theta) dt
    assertEquals(1.5 * 1.6 * 0.05, moon.step(new double[] {0})[2], 1e-6);
    assertEquals(1.5 * 10.0 * 0.05, earth.step(new double[] {0})[2], 1e-6);
  }

  @Test
  void mountainCarTerminatesAtTheGoal() {
    ContinuousEnv env = REGISTRY.make("MountainCar-v0").newContinuousEnv();
    double[] obs = env.reset(11);
    int steps = 0;
    while (!env.terminated() && !env.truncated()) {
      obs = env.step(new double[] {obs[1] >= 0 ? 2 : 0});
      steps++;
      assertEquals(-1.0, env.reward());
    }
    assertTrue(env.terminated(), "the energy-pumping policy reaches the goal");
    assertFalse(env.truncated());
    assertTrue(steps < 200);
    assertTrue(obs[0] >= 0.5);
  }

  @Test
  void mountainCarLeftWallStopsTheCar() {
    MountainCarEnv env = new MountainCarEnv();
    env.setStateFromObservation(new double[] {-1.19, -0.05});
    double[] obs = env.step(0);
    assertEquals(-1.2, obs[0], 1e-7);
    assertEquals(0.0, obs[1]);
    assertThrows(io.icrl.core.InvalidInputException.class, () -> env.step(new double[] {1.5}));
  }
}
