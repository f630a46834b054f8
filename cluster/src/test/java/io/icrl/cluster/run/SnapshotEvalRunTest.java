package io.icrl.cluster.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import io.icrl.cluster.node.IcrlNode;
import io.icrl.core.InvalidInputException;
import io.icrl.core.StrictConfig;
import io.icrl.eval.report.Csv;
import io.icrl.learner.checkpoint.Checkpoint;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code icrl.cluster.run.eval-every}: the learner copies the checkpoints of multiples of it to
 * {@code RUN/train/snapshots/step-N}, submits their evaluations, an evaluator writes {@code
 * RUN/eval/step-N} (with the reduced episode count), the driver waits for them, and the final
 * evaluation is unchanged in {@code RUN/eval}.
 */
class SnapshotEvalRunTest {
  @TempDir
  Path dir;

  private Config config(Path run, String... more) {
    List<String> sets = new ArrayList<>(List.of("icrl.cluster.node.port=0",
        "icrl.cluster.node.exit-jvm=off", "icrl.cluster.metrics.port=0",
        "icrl.cluster.metrics.jvm=off", "icrl.cluster.node.resources.cpus=2",
        "icrl.cluster.node.roles=[coordinator,synth,learner,evaluator]",
        "icrl.cluster.job.id=snap", "icrl.cluster.job.output-dir=\"" + run + "\"",
        "icrl.cluster.run.synth-workers=2", "icrl.cluster.run.progress-interval=1s",
        "icrl.cluster.run.eval-every=2", "icrl.cluster.run.eval-every-episodes=2",
        "icrl.synth.sequences=4", "icrl.synth.steps=300", "icrl.synth.shard-sequences=2",
        "icrl.synth.seed=3", "icrl.synth.task.states=8", "icrl.synth.task.actions=3",
        "icrl.learner.preset=tiny", "icrl.learner.threads=1", "icrl.learner.train.steps=4",
        "icrl.learner.train.checkpoint-every=2", "icrl.eval.episodes=3", "icrl.eval.seeds=2",
        "icrl.eval.threads=2", "icrl.eval.modes=[online]", "icrl.eval.agents=[random]",
        "icrl.eval.held-out-anymdp.count=1", "icrl.eval.held-out-anymdp.states=8",
        "icrl.eval.held-out-anymdp.actions=3"));
    sets.addAll(List.of(more));
    return StrictConfig.load(null, sets);
  }

  @Test
  void checkpointsOfMultiplesOfEvalEveryAreSnapshottedAndEvaluated() throws Exception {
    Path run = dir.resolve("run");
    Config c = config(run);
    String[] metrics = new String[1];
    String out = run(c, metrics);
    assertTrue(out.contains("[eval step-2] done"), out);
    assertTrue(out.contains("[eval step-4] done"), out);
    assertTrue(out.contains("evaluation summary"), out);

    for (long step : new long[] {2, 4}) {
      Path snap = run.resolve("train/snapshots/step-" + step);
      assertEquals(step, Checkpoint.readState(snap).step());
      assertTrue(Files.isRegularFile(snap.resolve(Checkpoint.PARAMS)));
      assertFalse(Files.exists(snap.resolve(Checkpoint.OPTIMIZER)), "weights and state only");
      Path eval = run.resolve("eval/step-" + step);
      for (String f : new String[] {"summary.txt", "summary.json", "results.csv"}) {
        assertTrue(Files.isRegularFile(eval.resolve(f)), eval.resolve(f) + " exists");
      }
      assertEquals(2, maxEpisode(eval.resolve("results.csv")), "eval-every-episodes");
      assertTrue(Files.readString(eval.resolve("summary.txt")).contains("step " + step),
          "the summary names the evaluated checkpoint");
    }
    assertEquals(List.of("step-2", "step-4"), steps(run.resolve("eval")));
    assertEquals(List.of("step-2", "step-4"), steps(run.resolve("train/snapshots")));
    assertEquals(3, maxEpisode(run.resolve("eval/results.csv")), "the final sweep is unchanged");
    assertTrue(Files.isRegularFile(run.resolve("eval/summary.txt")));
    assertEquals(4.0, MetricsText.value(metrics[0], "icrl_eval_checkpoint_step"), metrics[0]);
    assertFalse(Double.isNaN(MetricsText.value(metrics[0],
        "icrl_eval_score{mode=\"online\",task=\"anymdp\"}")), metrics[0]);

    // A rerun submits the evaluation of a snapshot whose evaluation did not finish, and only it.
    Files.delete(run.resolve("eval/step-2/summary.txt"));
    String again = run(c, metrics);
    assertTrue(again.contains("[eval step-2] done"), again);
    assertFalse(again.contains("[eval step-4]"), again);
    assertTrue(Files.isRegularFile(run.resolve("eval/step-2/summary.txt")));
    assertEquals(4, Checkpoint.readState(run.resolve("train/checkpoint")).step());
  }

  /** Runs the plan of {@code c} on a fresh node holding every role; returns the driver's output. */
  private static String run(Config c, String[] metrics) throws Exception {
    StringWriter text = new StringWriter();
    try (IcrlNode node = IcrlNode.start(c)) {
      RunRoles.install(node, c);
      node.awaitUp(Duration.ofSeconds(30));
      RunDriver.Outcome out = new RunDriver(node.system(), node.coordinator(),
          new PrintWriter(text, true)).run(RunPlan.from(c));
      assertTrue(out.completed(), text.toString());
      metrics[0] = MetricsText.render(node.metrics());
    }
    return text.toString();
  }

  /**
   * {@code eval-checkpoint}: a run with only the eval stage evaluates another run's (or a shipped
   * model's) checkpoint and names it in its summary; a missing directory is refused up front.
   */
  @Test
  void theFinalSweepCanEvaluateAnotherRunsCheckpoint() throws Exception {
    Path trained = dir.resolve("trained");
    run(config(trained, "icrl.cluster.run.stages=[synth,train]",
        "icrl.cluster.run.eval-every=0"), new String[1]);
    Path other = dir.resolve("other");
    String out = run(config(other, "icrl.cluster.run.stages=[eval]",
        "icrl.cluster.run.eval-every=0",
        "icrl.cluster.run.eval-checkpoint=\"" + trained.resolve("train") + "\""), new String[1]);
    assertTrue(out.contains("evaluation summary"), out);
    String summary = Files.readString(other.resolve("eval/summary.txt"));
    assertTrue(summary.contains(trained.resolve("train/checkpoint").toString())
        && summary.contains("step 4"), summary);
    assertFalse(Files.exists(other.resolve("train")), "nothing trained in the other run");

    InvalidInputException e = assertThrows(InvalidInputException.class, () -> RunPlan.from(
        config(other, "icrl.cluster.run.eval-checkpoint=\"" + dir.resolve("nowhere") + "\"")));
    assertTrue(e.getMessage().contains("icrl.cluster.run.eval-checkpoint"), e.getMessage());
  }

  @Test
  void evalEveryMustBeAMultipleOfCheckpointEvery() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> RunPlan.from(config(dir.resolve("run"), "icrl.cluster.run.eval-every=3")));
    assertTrue(e.getMessage().contains("multiple of icrl.learner.train.checkpoint-every = 2"),
        e.getMessage());
    InvalidInputException neg = assertThrows(InvalidInputException.class,
        () -> RunPlan.from(config(dir.resolve("run"), "icrl.cluster.run.eval-every=-2")));
    assertTrue(neg.getMessage().contains("eval-every = -2"), neg.getMessage());
  }

  private static int maxEpisode(Path csv) throws Exception {
    int max = 0;
    List<String> lines = Files.readAllLines(csv);
    int column = Csv.parseLine(lines.get(0)).indexOf("episode");
    for (String line : lines.subList(1, lines.size())) {
      // the task id is quoted and holds commas
      max = Math.max(max, Integer.parseInt(Csv.parseLine(line).get(column)));
    }
    return max;
  }

  private static List<String> steps(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("step-")).sorted()
          .toList();
    }
  }
}
