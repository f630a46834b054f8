package io.icrl.tasks.gym;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icrl.tasks.Task;
import io.icrl.tasks.TaskRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class GymTasksTest {
  private static final TaskRegistry REGISTRY = TaskRegistry.standard();

  @Test
  void everyGymnasiumIdIsRegistered() {
    assertTrue(REGISTRY.names().containsAll(List.of("FrozenLake-v1", "FrozenLake8x8-v1",
        "CliffWalking-v1", "CliffWalkingSlippery-v1", "Taxi-v4", "Pendulum-v1", "MountainCar-v0")));
  }

  @Test
  void tabularIdsGiveExactMdpsNamedByTheirIds() {
    for (String id : List.of("FrozenLake-v1", "FrozenLake8x8-v1:is_slippery=false",
        "CliffWalking-v1", "CliffWalkingSlippery-v1", "Taxi-v4")) {
      Task t = REGISTRY.make(id);
      assertTrue(t.isDiscrete());
      assertEquals(id, t.id());
      assertEquals(id, t.mdp().orElseThrow().name());
      assertEquals(t.mdp().orElseThrow(), t.newEnv().mdp().orElseThrow());
    }
  }

  @Test
  void continuousIdsGiveContinuousEnvs() {
    Task pendulum = REGISTRY.make("Pendulum-v1");
    assertFalse(pendulum.isDiscrete());
    assertEquals(3, pendulum.newContinuousEnv().observationDim());
    assertEquals(0, pendulum.newContinuousEnv().discreteActions());
    Task car = REGISTRY.make("MountainCar-v0:goal_velocity=0.01,max_episode_steps=500");
    assertEquals(2, car.newContinuousEnv().observationDim());
    assertEquals(3, car.newContinuousEnv().discreteActions());
    assertEquals(500, car.newContinuousEnv().maxEpisodeSteps());
    assertTrue(GymTasks.frozenLakeMap("Taxi-v4").isEmpty());
  }
}
