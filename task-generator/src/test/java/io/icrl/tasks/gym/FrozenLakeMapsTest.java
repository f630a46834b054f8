package io.icrl.tasks.gym;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icrl.core.InvalidInputException;
import io.icrl.tasks.TaskRegistry;
import io.icrl.tasks.mdp.StateKind;
import io.icrl.tasks.mdp.TabularMdp;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrozenLakeMapsTest {
  private static final TaskRegistry REGISTRY = TaskRegistry.standard();

  @Test
  void randomMapsAreReproducibleAndValid() {
    for (long seed = 0; seed < 20; seed++) {
      List<String> map = FrozenLakeMaps.random(6, 0.7, seed);
      assertEquals(map, FrozenLakeMaps.random(6, 0.7, seed));
      assertEquals(6, map.size());
      assertEquals('S', map.get(0).charAt(0));
      assertEquals('G', map.get(5).charAt(5));
      char[][] board = map.stream().map(String::toCharArray).toArray(char[][]::new);
      assertTrue(FrozenLakeMaps.goalReachable(board));
    }
    assertNotEquals(FrozenLakeMaps.random(8, 0.8, 1), FrozenLakeMaps.random(8, 0.8, 2));
  }

  @Test
  void frozenProbabilityShapesTheMap() {
    assertEquals(List.of("SFFF", "FFFF", "FFFF", "FFFG"), FrozenLakeMaps.random(4, 1.0, 3));
    int holes = 0;
    for (long seed = 0; seed < 50; seed++) {
      for (String row : FrozenLakeMaps.random(10, 0.8, seed)) {
        holes += (int) row.chars().filter(c -> c == 'H').count();
      }
    }
    double rate = holes / (50.0 * 98);
    assertTrue(rate > 0.1 && rate < 0.25, "hole rate " + rate); // ~0.2, fewer after rejection
  }

  @Test
  void reachabilityIsChecked() {
    assertFalse(FrozenLakeMaps.goalReachable(new char[][] {"SH".toCharArray(),
        "HG".toCharArray()}));
    assertTrue(FrozenLakeMaps.goalReachable(new char[][] {"SF".toCharArray(),
        "HG".toCharArray()}));
  }

  @Test
  void randomMapTaskUsesTheGeneratedMap() {
    String id = "FrozenLake-v1:size=5,p=0.6,map_seed=9";
    TabularMdp mdp = REGISTRY.make(id).mdp().orElseThrow();
    List<String> map = FrozenLakeMaps.random(5, 0.6, 9);
    assertEquals(map, GymTasks.frozenLakeMap(id).orElseThrow());
    assertEquals(25, mdp.states());
    assertEquals(100, mdp.maxEpisodeSteps());
    assertEquals(1.0, mdp.startProbability(0));
    for (int s = 0; s < 25; s++) {
      char t = map.get(s / 5).charAt(s % 5);
      assertEquals(t == 'G' ? StateKind.GOAL : t == 'H' ? StateKind.PITFALL : StateKind.NORMAL,
          mdp.kind(s));
    }
    assertEquals(8 * 8, REGISTRY.make("FrozenLake8x8-v1:map_seed=4").mdp().orElseThrow().states());
  }

  @Test
  void customMapsAndSeveralStarts() {
    TabularMdp mdp = REGISTRY.make("FrozenLake-v1:desc=SFS/FHF/FFG").mdp().orElseThrow();
    assertEquals(9, mdp.states());
    assertEquals(0.5, mdp.startProbability(0));
    assertEquals(0.5, mdp.startProbability(2));
    assertEquals(StateKind.PITFALL, mdp.kind(4));
    assertThrows(InvalidInputException.class, () -> FrozenLakeMaps.parse("SF/"));
  }

  @Test
  void successRateSetsTheSlip() {
    TabularMdp mdp = REGISTRY.make("FrozenLake-v1:success_rate=1.0").mdp().orElseThrow();
    // action down from state 0: directions left (p 0), down (p 1), right (p 0), as Gymnasium lists
    int k = mdp.outcomeStart(0, 1);
    assertEquals(3, mdp.outcomeEnd(0, 1) - k);
    assertEquals(0.0, mdp.prob(k));
    assertEquals(0, mdp.next(k));
    assertEquals(1.0, mdp.prob(k + 1));
    assertEquals(4, mdp.next(k + 1));
    assertEquals(0.0, mdp.prob(k + 2));
    assertEquals(1, mdp.next(k + 2));
  }
}
