package io.icrl.eval.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icrl.eval.TestTasks;
import io.icrl.tasks.solve.FiniteHorizonPolicy;
import org.junit.jupiter.api.Test;

class ActionStatsTest {
  private static final FiniteHorizonPolicy OPT =
      FiniteHorizonPolicy.solve(TestTasks.randomMdp(6, 4, 3, 10));

  private static int other(int state, int t) {
    return (OPT.action(state, t) + 1) % 4;
  }

  @Test
  void countsOptimalActionsAgainstTheTimeDependentOptimum() {
    ActionStats stats = new ActionStats(OPT);
    stats.record(0, 0, OPT.action(0, 0));
    stats.record(1, 1, OPT.action(1, 1));
    stats.record(2, 2, other(2, 2));
    stats.record(3, 3, other(3, 3));
    EpisodeRecord r = stats.finish(1, 2.5, 0.5, 4);
    assertEquals(0.5, r.optimalActionRate(), 1e-12);
    assertEquals(1, r.episode());
    assertEquals(2.5, r.ret(), 0.0);
    assertEquals(0.5, r.score(), 0.0);
    assertEquals(4, r.steps());
    assertTrue(Double.isNaN(r.repeatRate()), "no state was revisited");
  }

  @Test
  void repeatsCountOnlyRevisitsAndTheRunsMemoryOutlivesTheEpisode() {
    ActionStats stats = new ActionStats(OPT);
    stats.record(0, 0, 1);
    stats.record(0, 1, 1); // repeat
    stats.record(0, 2, 2); // revisit, different action
    stats.record(5, 3, 0); // first visit: not counted
    EpisodeRecord first = stats.finish(1, 0, 0, 4);
    assertEquals(0.5, first.repeatRate(), 1e-12);

    stats.record(0, 0, 2); // repeats the most recent action in state 0 (2), from episode 1
    stats.record(5, 1, 3); // revisit of state 5, different action
    EpisodeRecord second = stats.finish(2, 0, 0, 2);
    assertEquals(0.5, second.repeatRate(), 1e-12);
  }

  @Test
  void csvNumbersRoundTripWithEmptyForUnknown() {
    assertEquals("", EpisodeRecord.csvNumber(Double.NaN));
    assertTrue(Double.isNaN(EpisodeRecord.parseCsvNumber("")));
    double x = 1.0 / 3.0;
    assertEquals(x, EpisodeRecord.parseCsvNumber(EpisodeRecord.csvNumber(x)), 0.0);
    EpisodeRecord r = new EpisodeRecord(3, -1.5, x, 17, 0.25, Double.NaN);
    String line = r.appendCsv(new StringBuilder()).toString();
    assertEquals(EpisodeRecord.CSV_COLUMNS.split(",").length, line.split(",", -1).length, line);
    assertEquals(r, EpisodeRecord.parseCsv(line));
  }
}
