package io.icrl.tasks.gym;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icrl.core.InvalidInputException;
import io.icrl.tasks.TaskRegistry;
import io.icrl.tasks.mdp.TabularMdp;
import io.icrl.tasks.solve.FiniteHorizon;
import org.junit.jupiter.api.Test;

/**
 * Optimal expected returns within the step limits, from the start distributions, against the known
 * values of these tasks.
 */
class SolverValuesTest {
  private static final TaskRegistry REGISTRY = TaskRegistry.standard();

  private static TabularMdp mdp(String id) {
    return REGISTRY.make(id).mdp().orElseThrow();
  }

  @Test
  void frozenLake4x4OptimumIsAbout074() {
    // Gymnasium's registration notes "optimum = 0.74" for FrozenLake-v1 (100 steps).
    assertEquals(0.74419, FiniteHorizon.optimalReturn(mdp("FrozenLake-v1")), 1e-5);
  }

  @Test
  void frozenLake8x8OptimumIsAbout091() {
    // Gymnasium's registration notes "optimum = 0.91" for FrozenLake8x8-v1 (200 steps).
    assertEquals(0.91322, FiniteHorizon.optimalReturn(mdp("FrozenLake8x8-v1")), 1e-5);
  }

  @Test
  void deterministicFrozenLakeAlwaysReachesTheGoal() {
    assertEquals(1.0, FiniteHorizon.optimalReturn(mdp("FrozenLake-v1:is_slippery=false")), 1e-12);
  }

  @Test
  void cliffWalkingShortestSafePathCosts13() {
    // 13 steps along the cliff edge: up, 11 x right, down. CliffWalking has no registered step
    // limit, so the finite-horizon solver needs one.
    assertEquals(-13.0, FiniteHorizon.optimalReturn(mdp("CliffWalking-v1:max_episode_steps=100")),
        1e-12);
    assertThrows(InvalidInputException.class,
        () -> FiniteHorizon.optimalReturn(mdp("CliffWalking-v1")));
  }

  @Test
  void taxiOptimumOverTheStartDistribution() {
    // Exactly 7.93 on Gymnasium's own Taxi-v4 table and initial_state_distrib (checked with
    // Gymnasium 1.4.0); the "optimum = 8.46" comment in Gymnasium's registry predates v2's change of
    // start states. 20 minus the mean number of steps before the drop-off.
    assertEquals(7.93, FiniteHorizon.optimalReturn(mdp("Taxi-v4")), 1e-9);
  }

  @Test
  void randomPoliciesDoFarWorse() {
    assertTrue(FiniteHorizon.randomReturn(mdp("FrozenLake-v1")) < 0.02);
    assertTrue(FiniteHorizon.randomReturn(mdp("Taxi-v4")) < -700);
  }

  @Test
  void randomMapsAreSolvable() {
    for (int seed = 0; seed < 5; seed++) {
      TabularMdp m = mdp("FrozenLake-v1:size=8,p=0.8,map_seed=" + seed);
      double opt = FiniteHorizon.optimalReturn(m);
      assertTrue(opt > 0 && opt <= 1, "seed " + seed + " optimum " + opt);
    }
  }
}
