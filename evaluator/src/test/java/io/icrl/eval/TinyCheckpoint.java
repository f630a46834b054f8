package io.icrl.eval;

import io.icrl.core.StrictConfig;
import io.icrl.learner.LearnerSettings;
import io.icrl.learner.train.LearnerMetrics;
import io.icrl.learner.train.Trainer;
import io.icrl.synth.SynthJob;
import io.icrl.synth.SynthProgress;
import io.icrl.synth.SynthSettings;
import io.icrl.synth.format.Dataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real, tiny training run shared by the tests of one JVM: a small Arrow dataset of AnyMDP
 * sequences ({@code anymdp:states=8,actions=3}, task seeds [500, 540)) written by {@code icrl
 * synth}'s job, and the {@code tiny} preset trained on it for a few steps. Deleted at exit.
 */
public final class TinyCheckpoint {
  public static final int STATES = 8;
  public static final int ACTIONS = 3;
  public static final long SEED_START = 500;
  public static final long SEED_COUNT = 40;
  /** A held-out task of the training size. */
  public static final String HELD_OUT = "anymdp:states=8,actions=3,seed=1000";

  private static Path root;

  private TinyCheckpoint() {}

  /** The run directory (holding {@code checkpoint/}). */
  public static synchronized Path run() {
    if (root == null) {
      root = create();
    }
    return root.resolve("run");
  }

  /** The dataset directory the run was trained on. */
  public static Path data() {
    run();
    return root.resolve("data");
  }

  private static Path create() {
    try {
      Path dir = Files.createTempDirectory("icrl-eval-tiny-checkpoint");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
      SynthSettings synth = SynthSettings.from(StrictConfig.load(null, List.of(
          "icrl.synth.sequences=4", "icrl.synth.steps=300", "icrl.synth.shard-sequences=4",
          "icrl.synth.threads=1", "icrl.synth.seed=3", "icrl.synth.task.family=anymdp",
          "icrl.synth.task.states=" + STATES, "icrl.synth.task.actions=" + ACTIONS,
          "icrl.synth.task.seed-start=" + SEED_START,
          "icrl.synth.task.seed-count=" + SEED_COUNT)));
      SynthJob.run(synth, dir.resolve("data"), SynthProgress.NONE);
      LearnerSettings learner = LearnerSettings.from(StrictConfig.load(null, List.of(
          "icrl.learner.preset=tiny", "icrl.learner.device=cpu", "icrl.learner.threads=1")));
      try (Dataset data = Dataset.open(dir.resolve("data"))) {
        new Trainer(learner, Map.of(), data, dir.resolve("run"), LearnerMetrics.NONE).run(3, false);
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // best effort at exit
    }
  }
}
