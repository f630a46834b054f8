package io.icrl.tasks.gym;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icrl.core.InvalidInputException;
import io.icrl.tasks.TaskRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad task ids fail with an {@link InvalidInputException} saying what was wrong. */
class BadInputTest {
  private static final TaskRegistry REGISTRY = TaskRegistry.standard();

  private static void assertRejected(String id, String... fragments) {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> REGISTRY.make(id),
        id);
    for (String f : fragments) {
      assertTrue(e.getMessage().contains(f), "message '" + e.getMessage() + "' lacks '" + f + "'");
    }
  }

  @Test
  void unknownTaskId() {
    assertRejected("FrozenLake-v9", "unknown task id 'FrozenLake-v9'", "FrozenLake-v1", "Taxi-v4");
  }

  @Test
  void malformedParameters() {
    assertRejected("FrozenLake-v1:is_slippery", "malformed parameter 'is_slippery'");
    assertRejected("FrozenLake-v1:", "nothing after ':'");
    assertRejected("Taxi-v4:is_rainy=true,is_rainy=false", "given twice");
  }

  @ParameterizedTest
  @CsvSource({
    "FrozenLake-v1:slippery=true, slippery",
    "Taxi-v4:fickle_probability=0.5, fickle_probability",
    "CliffWalking-v1:map_name=4x4, map_name",
    "Pendulum-v1:goal_velocity=0.1, goal_velocity",
    "MountainCar-v0:g=9.8, g",
  })
  void unknownParameter(String id, String key) {
    assertRejected(id, "unknown parameter '" + key + "'", "known:");
  }

  @ParameterizedTest
  @CsvSource({
    "Pendulum-v1:bins=12, 'is not a grid like 12x5'",
    "Pendulum-v1:bins=12x, 'is not a grid like 12x5'",
    "Pendulum-v1:bins=axb, 'is not a grid like 12x5'",
    "MountainCar-v0:bins=12x5x3, 'is not a grid like 12x5'",
    "MountainCar-v0:bins=0x5, 'must be in [1, '",
    "MountainCar-v0:bins=-3x5, 'must be in [1, '",
  })
  void badBinsSpec(String id, String fragment) {
    assertRejected(id, fragment);
  }

  @Test
  void badValues() {
    assertRejected("FrozenLake-v1:is_slippery=maybe", "is not a boolean");
    assertRejected("FrozenLake-v1:map_name=5x5", "unknown FrozenLake map_name '5x5'");
    assertRejected("FrozenLake-v1:map_name=4x4,size=8", "only one of map_name, desc");
    assertRejected("FrozenLake-v1:size=1", "size 1 out of [2, ");
    assertRejected("FrozenLake-v1:size=4,p=0", "p=0.0 must be in (0, 1]");
    assertRejected("FrozenLake-v1:desc=SFF/FH", "row 1 has 2 tiles");
    assertRejected("FrozenLake-v1:desc=FFF/FHG", "no start tile S");
    assertRejected("FrozenLake-v1:desc=SXF/FHG", "tile 'X'");
    assertRejected("FrozenLake-v1:success_rate=1.5", "success_rate=1.5 must be in [0, 1]");
    assertRejected("FrozenLake-v1:is_slippery=false,success_rate=0.5", "slippery");
    assertRejected("Taxi-v4:fickle_passenger=true", "fickle_passenger=true is not supported");
    assertRejected("Taxi-v4:rainy_probability=0.7", "only applies with is_rainy=true");
    assertRejected("Taxi-v4:max_episode_steps=0", "must be positive");
    assertRejected("Pendulum-v1:g=abc", "is not a finite number");
  }

  @Test
  void continuousTaskHasNoDiscreteEnv() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> REGISTRY.make("Pendulum-v1").newEnv());
    assertTrue(e.getMessage().contains("Pendulum-v1:bins=12x5"), e.getMessage());
  }
}
