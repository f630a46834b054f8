package io.icrl.eval.selfplay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icrl.core.InvalidInputException;
import io.icrl.core.StrictConfig;
import io.icrl.eval.EvalSettings;
import io.icrl.eval.TestSettings;
import io.icrl.eval.TinyCheckpoint;
import io.icrl.eval.agent.CheckpointModels;
import io.icrl.eval.agent.LearnerModelSource;
import io.icrl.learner.LearnerSettings;
import io.icrl.learner.data.Datasets;
import io.icrl.learner.train.LearnerMetrics;
import io.icrl.learner.train.Trainer;
import io.icrl.synth.behavior.ReferencePolicies;
import io.icrl.synth.format.Dataset;
import io.icrl.synth.format.Manifest;
import io.icrl.synth.format.StepWindow;
import io.icrl.synth.format.Tag;
import io.icrl.synth.format.TrainingTasks;
import io.icrl.synth.format.WindowSource;
import io.icrl.tasks.TaskRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Self-play data from a real tiny checkpoint: layout, labels, determinism, resume, training. */
class SelfPlayJobTest {
  static final List<Double> GAMMAS = List.of(0.0, 0.5, 0.93, 0.994);
  static final TrainingTasks TASKS = new TrainingTasks("anymdp", TinyCheckpoint.STATES,
      TinyCheckpoint.ACTIONS, "", TinyCheckpoint.SEED_START, TinyCheckpoint.SEED_COUNT);
  static final TaskRegistry REGISTRY = TaskRegistry.standard();

  static SelfPlaySettings settings(int threads) {
    return new SelfPlaySettings(5, 120, 9, 2, threads, List.of());
  }

  static Manifest play(Path out, int threads) {
    EvalSettings eval = TestSettings.with("icrl.eval.threads=1");
    try (LearnerModelSource model = CheckpointModels.open(TinyCheckpoint.run(), eval.model(),
        threads, Optional.empty())) {
      return SelfPlayJob.run(settings(threads), eval, model, "test-model", TASKS, GAMMAS, REGISTRY,
          out, rows -> {});
    }
  }

  @Test
  void writesADatasetOfLabelledOnlinePlayOnTheTrainingTasks(@TempDir Path dir) throws Exception {
    Manifest m = play(dir.resolve("a"), 2);
    assertTrue(m.complete());
    assertEquals(3, m.shards().size());
    assertEquals(Map.of(SelfPlayJob.BEHAVIOR, 1.0), m.behaviorMix());
    assertEquals(Optional.of(TASKS), TrainingTasks.of(m));
    SelfPlayRollout rollout = new SelfPlayRollout(settings(1), TestSettings.with(), null, TASKS,
        REGISTRY, GAMMAS);
    try (Dataset d = Dataset.open(dir.resolve("a"))) {
      assertEquals(5, d.sequenceCount());
      StepWindow w = new StepWindow(120);
      int boundaries = 0;
      for (int seq = 0; seq < 5; seq++) {
        String id = d.sequence(seq).taskId();
        assertEquals(rollout.taskId(seq), id);
        long seed = Long.parseLong(id.substring(id.indexOf("seed=") + 5));
        assertTrue(seed >= TinyCheckpoint.SEED_START
            && seed < TinyCheckpoint.SEED_START + TinyCheckpoint.SEED_COUNT, id);
        int[] opt3 = ReferencePolicies.solve(REGISTRY.make(id).mdp().orElseThrow(), GAMMAS)
            .policy(3);
        d.read(seq, 0, 120, w);
        for (int r = 0; r < 120; r++) {
          if (w.action[r] < 0) { // a boundary row: the final state, nothing to act on
            boundaries++;
            assertTrue(w.terminated[r] || w.truncated[r]);
            assertEquals(-1, w.label[r]);
            assertEquals(Tag.UNK.code(), w.prompt[r]);
          } else {
            assertEquals(opt3[w.state[r]], w.label[r], "row " + r + " of " + id);
            assertEquals(Tag.OPT3.code(), w.prompt[r]);
            assertEquals(Tag.UNK.code(), w.tag[r]);
            assertTrue(w.action[r] < TinyCheckpoint.ACTIONS);
          }
        }
      }
      assertTrue(boundaries > 0, "no episode ended in 5 x 120 rows");
    }
    // the same settings and model give the same bytes, however many threads play
    assertEquals(Dataset.identity(m), Dataset.identity(play(dir.resolve("b"), 1)));
  }

  @Test
  void resumesAnInterruptedDatasetAndRefusesAnotherOne(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("d");
    Manifest whole = play(out, 1);
    // as if killed after the first shard: drop the later shards from the manifest and disk
    Manifest cut = whole.with(List.of(whole.shards().get(0)), false, null, 0);
    cut.write(out);
    Files.delete(out.resolve(whole.shards().get(2).file()));
    Manifest resumed = play(out, 1);
    assertTrue(resumed.complete());
    assertEquals(Dataset.identity(whole), Dataset.identity(resumed));

    EvalSettings eval = TestSettings.with();
    try (LearnerModelSource model = CheckpointModels.open(TinyCheckpoint.run(), eval.model(), 1,
        Optional.empty())) {
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> SelfPlayJob.run(
          settings(1), eval, model, "another-model", TASKS, GAMMAS, REGISTRY, out, rows -> {}));
      assertTrue(e.getMessage().contains("another model"), e.getMessage());
    }
  }

  @Test
  void theLearnerTrainsOnSynthesizedAndSelfPlayDataTogether(@TempDir Path dir) throws Exception {
    play(dir.resolve("selfplay"), 1);
    LearnerSettings learner = LearnerSettings.from(StrictConfig.load(null, List.of(
        "icrl.learner.preset=tiny", "icrl.learner.device=cpu", "icrl.learner.threads=1")));
    try (WindowSource both = Datasets.open(List.of(TinyCheckpoint.data().toString(),
        dir.resolve("selfplay").toString()))) {
      assertEquals(4 + 5, both.sequenceCount());
      assertEquals(Optional.of(TASKS), both.trainingTasks());
      new Trainer(learner, Map.of(), both, dir.resolve("run"), LearnerMetrics.NONE).run(2, false);
    }
    String manifest = Files.readString(dir.resolve("run/manifest.json"));
    assertTrue(manifest.contains(dir.resolve("selfplay").toAbsolutePath().toString()), manifest);
    assertFalse(manifest.contains("\"data\" : null"), manifest);
  }
}
