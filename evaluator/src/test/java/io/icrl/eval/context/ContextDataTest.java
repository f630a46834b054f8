package io.icrl.eval.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icrl.eval.Mode;
import io.icrl.eval.TestSettings;
import io.icrl.eval.TestTasks;
import io.icrl.eval.sweep.CellRunner;
import io.icrl.eval.task.PreparedTask;
import io.icrl.synth.format.Tag;
import io.icrl.tasks.TabularTask;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ContextDataTest {
  private final PreparedTask lake = PreparedTask.prepare(
      new TabularTask("lake", TestTasks.frozenLake(true)), TestSettings.with().references(), 1);

  @Test
  void episodesAreCompleteAndTagged() {
    List<ContextEpisode> eps = ContextData.rollouts(lake.newEnv(), 5,
        EpisodePolicy.random(4), 30, Tag.RND, new SplittableRandom(5));
    assertEquals(30, eps.size());
    for (ContextEpisode e : eps) {
      assertEquals(Tag.RND, e.tag());
      assertTrue(e.terminated() ^ e.truncated());
      assertTrue(e.length() >= 1 && e.length() <= 100);
      assertEquals(0, e.state(0), "FrozenLake starts at 0");
      double sum = 0;
      for (int i = 0; i < e.length(); i++) {
        sum += e.reward(i);
      }
      assertEquals(sum, e.trueReturn(), 0);
    }
  }

  @Test
  void noisyOracleDegradesWithEpsilonAndDataIsDeterministic() {
    EpisodePolicy opt = EpisodePolicy.optimal(lake.optimum());
    double clean = ContextData.meanReturn(ContextData.rollouts(lake.newEnv(), 1, opt, 600,
        Tag.OPT3, new SplittableRandom(1)));
    double noisy = ContextData.meanReturn(ContextData.rollouts(lake.newEnv(), 1,
        EpisodePolicy.noisy(opt, 0.8, 4), 600, Tag.UNK, new SplittableRandom(1)));
    assertEquals(lake.references().optimal(), clean, 0.06);
    assertTrue(noisy < clean - 0.1, noisy + " vs " + clean);

    CellRunner runner = new CellRunner(TestSettings.with());
    List<ContextEpisode> a = runner.contextData(lake, Mode.OFFLINE, 2);
    List<ContextEpisode> b = runner.contextData(lake, Mode.OFFLINE, 2);
    assertEquals(20, a.size());
    for (int i = 0; i < a.size(); i++) {
      assertEquals(a.get(i).trueReturn(), b.get(i).trueReturn());
      assertEquals(a.get(i).length(), b.get(i).length());
    }
    assertEquals(0, runner.contextData(lake, Mode.ONLINE, 2).size());
    assertEquals(5, runner.contextData(lake, Mode.IMITATION, 2).size());
  }
}
