package io.icrl.eval.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icrl.eval.TestSettings;
import io.icrl.eval.TestTasks;
import io.icrl.tasks.TabularTask;
import io.icrl.tasks.mdp.TabularMdp;
import io.icrl.tasks.solve.FiniteHorizon;
import io.icrl.core.StrictConfig;
import io.icrl.eval.EvalSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

class ReferencesTest {
  @Test
  void normalizedScoreIsAffineAndUnclipped() {
    References r = new References(10, -2, "exact");
    assertEquals(0.5, r.score(4), 1e-12);
    assertEquals(1.0, r.score(10), 1e-12);
    assertEquals(0.0, r.score(-2), 1e-12);
    assertEquals(2.25, r.score(25), 1e-12, "a lucky episode scores above the optimum's 1");
    assertEquals(-4.0, r.score(-50), 1e-12, "an episode worse than random scores below 0");
    // so the mean score of many episodes is the normalized mean return
    assertEquals(r.score((4 + 25 - 50) / 3.0), (r.score(4) + r.score(25) + r.score(-50)) / 3,
        1e-12);
  }

  @Test
  void degenerateTasksScoreOneAtTheOptimum() {
    References r = new References(1, 1, "exact");
    assertEquals(1.0, r.score(1), 0);
    assertEquals(0.0, r.score(0.5), 0);
  }

  @Test
  void exactReferencesComeFromTheFiniteHorizonSolvers() {
    TabularMdp lake = TestTasks.frozenLake(true);
    PreparedTask t = PreparedTask.prepare(new TabularTask("lake", lake),
        TestSettings.with().references(), 1);
    assertTrue(t.exactModel());
    assertEquals("exact", t.references().source());
    assertEquals(FiniteHorizon.optimalReturn(lake), t.references().optimal(), 1e-9);
    assertEquals(FiniteHorizon.randomReturn(lake), t.references().random(), 1e-12);
    assertTrue(t.references().optimal() > 0.7 && t.references().optimal() < 0.8,
        "slippery FrozenLake's optimum within 100 steps is about 0.74");
  }

  @Test
  void tasksWithoutAModelAreEstimatedBySampling() {
    TabularMdp lake = TestTasks.frozenLake(false);
    PreparedTask t = PreparedTask.prepare(TestTasks.hidden("hidden", lake),
        TestSettings.with("icrl.eval.references.model-episodes=400",
            "icrl.eval.references.evaluation-episodes=400").references(), 1);
    assertFalse(t.exactModel());
    assertEquals("estimated", t.references().source());
    assertEquals(1.0, t.references().optimal(), 1e-12, "the estimated optimum reaches the goal");
    assertEquals(FiniteHorizon.randomReturn(lake), t.references().random(), 0.02);
    assertEquals(1.0, FiniteHorizon.evaluate(lake, greedyAtStart(t)), 1e-12);
  }

  private static int[] greedyAtStart(PreparedTask t) {
    int[] pi = new int[t.info().states()];
    for (int s = 0; s < pi.length; s++) {
      pi[s] = t.optimum().action(s, 0);
    }
    return pi;
  }

  @Test
  void configuredReferencesOverrideComputedOnes() {
    ReferenceSettings rs = TestSettings.with().references();
    ReferenceSettings withOverride = new ReferenceSettings(rs.modelEpisodes(), rs.modelRounds(),
        rs.evaluationEpisodes(), Map.of("lake", new References(2, -1, "configured")));
    PreparedTask t = PreparedTask.prepare(new TabularTask("lake", TestTasks.frozenLake(false)),
        withOverride, 1);
    assertEquals(new References(2, -1, "configured"), t.references());
  }

  @Test
  void overridesAreReadFromConfig(@TempDir Path dir) throws IOException {
    Path conf = dir.resolve("eval.conf");
    Files.writeString(conf, "icrl.eval.references.overrides {\n"
        + "  \"MountainCar-v0:bins=12x5\" { optimal = -110, random = -200 }\n}\n");
    ReferenceSettings rs = EvalSettings.fromConfig(StrictConfig.load(conf, List.of()))
        .references();
    assertEquals(new References(-110, -200, "configured"),
        rs.overrides().get("MountainCar-v0:bins=12x5"));
  }
}
