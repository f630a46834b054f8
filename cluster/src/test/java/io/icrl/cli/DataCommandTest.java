package io.icrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DataCommandTest {
  @Test
  void taskKindsAreIdsWithoutTheirSeed() {
    assertEquals("anymdp:states=16,actions=5",
        DataCommand.Inspect.withoutSeed("anymdp:states=16,actions=5,seed=42"));
    assertEquals("darkroom:size=4,terminate_on_goal=true",
        DataCommand.Inspect.withoutSeed("darkroom:size=4,seed=7,terminate_on_goal=true"));
    assertEquals("darkroom", DataCommand.Inspect.withoutSeed("darkroom:seed=7"));
    assertEquals("FrozenLake-v1", DataCommand.Inspect.withoutSeed("FrozenLake-v1"));
  }
}
