package io.icrl.eval.task;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icrl.core.InvalidInputException;
import org.junit.jupiter.api.Test;

class TrainingTaskRangeTest {
  private final TrainingTaskRange range = new TrainingTaskRange("anymdp", 100, 50);

  @Test
  void rejectsSeedsInsideTheTrainingRange() {
    for (long seed : new long[] {100, 120, 149}) {
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> range.requireHeldOut("anymdp:states=16,actions=5,seed=" + seed));
      assertTrue(e.getMessage().contains("seed " + seed), e.getMessage());
      assertTrue(e.getMessage().contains("[100, 150)"), e.getMessage());
    }
  }

  @Test
  void acceptsSeedsOutsideAndOtherTasks() {
    assertDoesNotThrow(() -> range.requireHeldOut("anymdp:states=16,actions=5,seed=99"));
    assertDoesNotThrow(() -> range.requireHeldOut("anymdp:states=16,actions=5,seed=150"));
    assertDoesNotThrow(() -> range.requireHeldOut("FrozenLake-v1"));
    assertDoesNotThrow(() -> range.requireHeldOut("darkroom:seed=120"));
  }

  @Test
  void mixedInGeneratorsShareTheRange() {
    TrainingTaskRange mixed = new TrainingTaskRange("anymdp", 100, 50, 16, 5,
        java.util.List.of("darkroom"));
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> mixed.requireHeldOut("darkroom:size=4,seed=120"));
    assertTrue(e.getMessage().contains("[100, 150) of darkroom"), e.getMessage());
    assertThrows(InvalidInputException.class, () -> mixed.requireHeldOut("darkroom:size=4"));
    assertDoesNotThrow(() -> mixed.requireHeldOut("darkroom:size=4,seed=150"));
    assertDoesNotThrow(() -> mixed.requireHeldOut("garnet:seed=120"));
  }

  @Test
  void requiresAnExplicitSeed() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> range.requireHeldOut("anymdp:states=16,actions=5"));
    assertTrue(e.getMessage().contains("explicit seed"), e.getMessage());
  }

  @Test
  void validatesItself() {
    assertThrows(InvalidInputException.class, () -> new TrainingTaskRange("", 0, 1));
    assertThrows(InvalidInputException.class, () -> new TrainingTaskRange("anymdp", 0, -1));
  }
}
