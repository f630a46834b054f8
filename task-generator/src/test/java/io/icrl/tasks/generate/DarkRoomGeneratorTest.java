package io.icrl.tasks.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icrl.core.InvalidInputException;
import io.icrl.tasks.mdp.StateKind;
import io.icrl.tasks.mdp.TabularMdp;
import io.icrl.tasks.solve.FiniteHorizon;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DarkRoomGeneratorTest {
  @Test
  void algorithmDistillationDefaults() {
    TabularMdp m = Generators.generate("darkroom:seed=1");
    MdpChecks.assertWellFormed(m);
    assertEquals(81, m.states());
    assertEquals(5, m.actions());
    assertEquals(20, m.maxEpisodeSteps());
    assertEquals(1.0, m.startProbability(40), 0.0);
    int goal = goalOf(m);
    assertEquals(StateKind.NORMAL, m.kind(goal));
    // Reward 1 exactly on steps that end on the goal; moves are deterministic, walls block.
    for (int s = 0; s < 81; s++) {
      for (int a = 0; a < 5; a++) {
        int k = m.outcomeStart(s, a);
        assertEquals(1, m.outcomeEnd(s, a) - k);
        assertEquals(m.next(k) == goal ? 1.0 : 0.0, m.rewardMean(k), 0.0);
      }
    }
    assertEquals(0, m.next(m.outcomeStart(0, DarkRoomGenerator.LEFT)));
    assertEquals(0, m.next(m.outcomeStart(0, DarkRoomGenerator.UP)));
    assertEquals(1, m.next(m.outcomeStart(0, DarkRoomGenerator.RIGHT)));
    assertEquals(9, m.next(m.outcomeStart(0, DarkRoomGenerator.DOWN)));
    assertEquals(0, m.next(m.outcomeStart(0, DarkRoomGenerator.NOOP)));
  }

  @Test
  void optimalReturnIsStepsSpentOnTheGoal() {
    for (int goal = 0; goal < 81; goal += 7) {
      TabularMdp m = Generators.generate("darkroom:goal=" + goal);
      int d = Math.abs(goal % 9 - 4) + Math.abs(goal / 9 - 4);
      double expected = d == 0 ? 20 : 21 - d;
      assertEquals(expected, FiniteHorizon.optimalReturn(m), 1e-12, "goal " + goal);
      TabularMdp t = Generators.generate("darkroom:terminate_on_goal=true,goal=" + goal);
      if (d > 0) {
        assertEquals(1.0, FiniteHorizon.optimalReturn(t), 1e-12);
        assertEquals(StateKind.GOAL, t.kind(goal));
      }
    }
  }

  @Test
  void seedsSpreadGoalsOverTheRoom() {
    Set<Integer> goals = new HashSet<>();
    for (int seed = 0; seed < 400; seed++) {
      goals.add(goalOf(Generators.generate("darkroom:seed=" + seed)));
    }
    assertTrue(goals.size() > 75, "goals " + goals.size());
    assertEquals(goalOf(Generators.generate("darkroom:seed=12")),
        goalOf(Generators.generate("darkroom:seed=12")));
  }

  @Test
  void badGoalsAreErrors() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> Generators.generate("darkroom:goal=81"));
    assertTrue(e.getMessage().contains("goal=81"));
    assertEquals(9, Generators.generate("darkroom:size=3,goal=8").states());
  }

  static int goalOf(TabularMdp m) {
    for (int k = 0; k < m.outcomeCount(); k++) {
      if (m.rewardMean(k) == 1.0) {
        return m.next(k);
      }
    }
    throw new AssertionError("no goal");
  }
}
