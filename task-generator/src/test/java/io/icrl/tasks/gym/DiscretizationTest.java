package io.icrl.tasks.gym;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icrl.core.InvalidInputException;
import io.icrl.tasks.Task;
import io.icrl.tasks.TaskRegistry;
import io.icrl.tasks.env.ContinuousEnv;
import io.icrl.tasks.env.DiscreteEnv;
import org.junit.jupiter.api.Test;

/** OmniRL's 12x5 discretization of Pendulum and MountainCar. */
class DiscretizationTest {
  private static final TaskRegistry REGISTRY = TaskRegistry.standard();

  @Test
  void binEdgesAreNumpyLinspace() {
    // numpy.linspace(a, b, n + 1) as NumPy 2.4 computes them.
    assertArrayEquals(new double[] {0.0, 0.5235987755982988, 1.0471975511965976,
        1.5707963267948966, 2.0943951023931953, 2.617993877991494, 3.141592653589793,
        3.665191429188092, 4.1887902047863905, 4.71238898038469, 5.235987755982988,
        5.759586531581287, 6.283185307179586}, new UniformBins(0, 2 * Math.PI, 12).edges());
    assertArrayEquals(new double[] {-8.0, -4.8, -1.5999999999999996, 1.6000000000000014,
        4.800000000000001, 8.0}, new UniformBins(-8, 8, 5).edges());
    assertArrayEquals(new double[] {-1.2, -1.05, -0.8999999999999999, -0.75, -0.6,
        -0.44999999999999996, -0.30000000000000004, -0.1499999999999999, 0.0, 0.1499999999999999,
        0.30000000000000004, 0.44999999999999996, 0.6}, new UniformBins(-1.2, 0.6, 12).edges());
    assertArrayEquals(new double[] {-0.07, -0.042, -0.013999999999999999, 0.014000000000000012,
        0.04200000000000001, 0.07}, new UniformBins(-0.07, 0.07, 5).edges());
  }

  @Test
  void binIndicesFollowDigitizeAndClip() {
    UniformBins b = new UniformBins(0, 2 * Math.PI, 12);
    double[] e = b.edges();
    assertEquals(0, b.index(0.0));
    assertEquals(3, b.index(e[3])); // an inner edge belongs to the bin above
    assertEquals(2, b.index(Math.nextDown(e[3])));
    assertEquals(11, b.index(2 * Math.PI)); // the top edge belongs to the last bin
    assertEquals(11, b.index(100));
    assertEquals(0, b.index(-100));
    UniformBins v = new UniformBins(-0.07, 0.07, 5);
    assertEquals(2, v.index(0.0));
    assertEquals(2, v.index(-0.013999999999999999));
    assertEquals(1, v.index(-0.014));
  }

  @Test
  void binSpecParses() {
    assertEquals(new BinSpec(12, 5), BinSpec.parse("12x5", "t"));
    assertEquals(new BinSpec(8, 8), BinSpec.parse(" 8X8 ", "t"));
    assertEquals(60, BinSpec.parse("12x5", "t").states());
    for (String bad : new String[] {"12", "x5", "12x", "12x5x1", "ax5", "0x5", "12x-1", ""}) {
      assertThrows(InvalidInputException.class, () -> BinSpec.parse(bad, "t"), bad);
    }
  }

  @Test
  void pendulumStateIsFiveTimesAngleBinPlusSpeedBin() {
    ObservationBinner bins = OmniRlDiscretization.pendulum(new BinSpec(12, 5));
    assertEquals(60, bins.states());
    assertEquals(5 * 0 + 2, bins.state(new double[] {1, 0, 0})); // upright, at rest
    assertEquals(5 * 6 + 4, bins.state(new double[] {-1, 0, 8})); // down (theta = pi), fastest
    // theta = -0.1 maps to 2 pi - 0.1, the last angle bin; speed -8 is the first speed bin.
    assertEquals(5 * 11 + 0, bins.state(new double[] {Math.cos(-0.1), Math.sin(-0.1), -8}));
    // theta = pi / 2 + tiny lies in bin 3; speed 1.7 in bin 3.
    assertEquals(5 * 3 + 3, bins.state(new double[] {Math.cos(1.6), Math.sin(1.6), 1.7}));
    assertArrayEquals(new double[][] {{-2}, {-1}, {0}, {1}, {2}},
        OmniRlDiscretization.pendulumTorques(5));
  }

  @Test
  void mountainCarStateIsFiveTimesPositionBinPlusVelocityBin() {
    ObservationBinner bins = OmniRlDiscretization.mountainCar(new BinSpec(12, 5));
    assertEquals(5 * 4 + 2, bins.state(new double[] {-0.5, 0.0}));
    assertEquals(5 * 0 + 0, bins.state(new double[] {-1.2, -0.07}));
    assertEquals(5 * 11 + 4, bins.state(new double[] {0.6, 0.07}));
    assertEquals(5 * 11 + 3, bins.state(new double[] {0.5, 0.03}));
  }

  @Test
  void discretizedEnvFollowsTheContinuousOne() {
    for (String name : new String[] {"Pendulum-v1", "MountainCar-v0"}) {
      Task disc = REGISTRY.make(name + ":bins=12x5");
      assertTrue(disc.isDiscrete());
      assertTrue(disc.mdp().isEmpty());
      DiscreteEnv env = disc.newEnv();
      assertEquals(60, env.observationCount());
      assertEquals(name.startsWith("Pendulum") ? 5 : 3, env.actionCount());
      assertEquals(200, env.maxEpisodeSteps());
      assertTrue(env.mdp().isEmpty());
      ContinuousEnv cont = REGISTRY.make(name).newContinuousEnv();
      ObservationBinner bins = name.startsWith("Pendulum")
          ? OmniRlDiscretization.pendulum(new BinSpec(12, 5))
          : OmniRlDiscretization.mountainCar(new BinSpec(12, 5));
      double[][] actions = name.startsWith("Pendulum") ? OmniRlDiscretization.pendulumTorques(5)
          : OmniRlDiscretization.mountainCarActions();
      assertEquals(bins.state(cont.reset(17)), env.reset(17));
      for (int t = 0; t < 200; t++) {
        int a = (t / 7) % env.actionCount();
        double[] obs = cont.step(actions[a]);
        assertEquals(bins.state(obs), env.step(a), name + " step " + t);
        assertEquals(cont.reward(), env.reward());
        assertEquals(cont.terminated(), env.terminated());
        assertEquals(cont.truncated(), env.truncated());
        if (env.terminated() || env.truncated()) {
          break;
        }
      }
      assertThrows(InvalidInputException.class, () -> disc.newEnv().step(-1));
    }
  }

  @Test
  void otherGridsWork() {
    DiscreteEnv env = REGISTRY.make("Pendulum-v1:bins=8x8").newEnv();
    assertEquals(64, env.observationCount());
    int s = env.reset(1);
    assertTrue(s >= 0 && s < 64);
  }
}
