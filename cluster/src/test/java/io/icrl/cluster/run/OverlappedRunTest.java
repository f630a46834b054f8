package io.icrl.cluster.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import io.icrl.cluster.job.UnitExecutor;
import io.icrl.cluster.job.Worker;
import io.icrl.cluster.job.WorkerSettings;
import io.icrl.cluster.node.IcrlNode;
import io.icrl.cluster.stream.ShardSender;
import io.icrl.cluster.stream.StreamSettings;
import io.icrl.core.StrictConfig;
import io.icrl.learner.checkpoint.Checkpoint;
import io.icrl.learner.checkpoint.RunManifest;
import io.icrl.synth.SynthJob;
import io.icrl.synth.SynthProgress;
import io.icrl.synth.format.Manifest;
import io.icrl.synth.format.ShardEntry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Overlapped training ({@code icrl.cluster.run.overlap = on}) on one node with the coordinator,
 * learner and two synth workers: the train stage starts while synthesis still runs and trains on
 * a refreshing pool that never holds more than {@code pool.max-shards}; the dataset on disk ends
 * complete and byte-identical to {@code icrl synth}'s; a rerun resumes training from the checkpoint
 * with the pool rebuilt from disk.
 *
 * <p>To make "synthesis still runs" certain rather than a matter of speed, the synth workers
 * hold back unit k (shard k, k >= 1) until the learner has taken k optimizer steps: shard 0 lets
 * the train stage start, every later shard arrives while the learner trains.
 */
class OverlappedRunTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration UP = Duration.ofSeconds(30);

  @TempDir
  Path dir;

  private Config config(Path run, long trainSteps) {
    return StrictConfig.load(null, List.of("icrl.cluster.node.port=0",
        "icrl.cluster.node.exit-jvm=off", "icrl.cluster.metrics.port=0",
        "icrl.cluster.metrics.jvm=off", "icrl.cluster.node.resources.cpus=2",
        "icrl.cluster.node.roles=[coordinator,learner]",
        "icrl.cluster.job.id=overlap", "icrl.cluster.job.output-dir=\"" + run + "\"",
        "icrl.cluster.run.stages=[synth,train]", "icrl.cluster.run.overlap=on",
        "icrl.cluster.run.pool.max-shards=2", "icrl.cluster.run.train-steps=" + trainSteps,
        "icrl.cluster.run.progress-interval=1s",
        "icrl.synth.sequences=6", "icrl.synth.steps=300", "icrl.synth.shard-sequences=1",
        "icrl.synth.seed=4", "icrl.synth.threads=1", "icrl.synth.task.states=8",
        "icrl.synth.task.actions=3", "icrl.learner.preset=tiny", "icrl.learner.threads=1",
        "icrl.learner.train.steps=40", "icrl.learner.train.checkpoint-every=10",
        "icrl.cluster.stream.learner-wait=20s"));
  }

  /** Runs the plan of {@code c} on a fresh node whose synth workers run {@code synth}. */
  private static String run(Config c, boolean holdBack) throws Exception {
    RunPlan plan = RunPlan.from(c);
    StringWriter text = new StringWriter();
    try (IcrlNode node = IcrlNode.start(c)) {
      RunRoles.install(node, c);
      StreamSettings ss = StreamSettings.from(c);
      SynthUnitExecutor real = new SynthUnitExecutor(new ShardSender(node.system(), ss,
          node.metrics()), ss, node.metrics());
      UnitExecutor synth = unit -> {
        int shard = unit.sequenceStart();
        while (holdBack && shard > 0 && learnerStep(node) < shard) {
          Thread.sleep(20);
        }
        return real.execute(unit);
      };
      for (int i = 0; i < 2; i++) {
        node.spawn(Worker.create(node.coordinator(), Map.of(SynthUnitExecutor.KIND, synth),
            WorkerSettings.from(c)), "synth-worker-" + i);
      }
      node.awaitUp(UP);
      RunDriver.Outcome out = new RunDriver(node.system(), node.coordinator(),
          new PrintWriter(text, true)).run(plan);
      assertTrue(out.completed(), text.toString());
    }
    return text.toString();
  }

  private static double learnerStep(IcrlNode node) {
    double v = MetricsText.value(MetricsText.render(node.metrics()), "icrl_learner_step");
    return Double.isNaN(v) ? 0 : v;
  }

  private static List<JsonNode> lines(Path file) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String l : Files.readAllLines(file)) {
      out.add(JSON.readTree(l));
    }
    return out;
  }

  @Test
  void trainingStartsDuringSynthesisOnABoundedPoolAndResumesFromDisk() throws Exception {
    Path run = dir.resolve("run");
    Config c = config(run, 30);
    Path reference = dir.resolve("reference");
    SynthJob.run(RunPlan.from(c).synth(), reference, new SynthProgress() {});

    String out = run(c, true);
    assertTrue(out.contains("(training overlaps synthesis)"), out);
    assertTrue(out.contains("[train] started: 1 unit (overlapped: the learner holds 1 of 6"
        + " shards)"), out);
    assertTrue(out.contains("[synth] done"), out);
    assertTrue(out.contains("[train] done"), out);

    // The pool started on one shard of an incomplete dataset, took in the rest while training,
    // and never held more than two shards.
    Path train = run.resolve("train");
    List<JsonNode> pool = lines(train.resolve(RefreshingPool.LOG));
    JsonNode start = pool.get(0);
    assertEquals("start", start.get("event").asText());
    assertEquals(1, start.get("stored").asInt());
    assertFalse(start.get("complete").asBoolean());
    assertTrue(pool.size() > 1, "shards joined the pool while training: " + pool);
    for (JsonNode n : pool) {
      assertTrue(n.get("pool").size() <= 2, n.toString());
      assertTrue(n.get("step").asLong() <= 30, n.toString());
    }
    JsonNode refresh = pool.get(1);
    assertEquals("refresh", refresh.get("event").asText());
    assertTrue(refresh.get("step").asLong() >= 2, refresh.toString());
    assertEquals(30, Checkpoint.readState(train.resolve(Checkpoint.DIR)).step());
    JsonNode manifest = JSON.readTree(train.resolve(RunManifest.FILE).toFile());
    assertEquals("refreshing-pool", manifest.at("/data-refresh/kind").asText());
    assertFalse(manifest.at("/data-refresh/bit-reproducible").asBoolean(true));
    assertEquals(2, manifest.at("/data-refresh/max-shards").asInt());
    assertTrue(manifest.get("dataset-id").asText().startsWith(RefreshingPool.ID_PREFIX));

    // Shards that left the pool stay on disk: the dataset is exactly what icrl synth writes.
    Manifest ref = Manifest.read(reference);
    Manifest got = Manifest.read(run.resolve("data"));
    assertTrue(got.complete());
    assertEquals(ref.shards(), got.shards());
    for (ShardEntry e : ref.shards()) {
      assertArrayEquals(Files.readAllBytes(reference.resolve(e.file())),
          Files.readAllBytes(run.resolve("data").resolve(e.file())), e.file());
    }

    // The same command with a larger step budget resumes from the checkpoint; the pool is
    // rebuilt from the shards on disk (the highest indices count as the most recent).
    String again = run(config(run, 36), false);
    assertTrue(again.contains("[synth] started: 6 units (6 already done, resuming)"), again);
    assertEquals(36, Checkpoint.readState(train.resolve(Checkpoint.DIR)).step());
    JsonNode resumed = JSON.readTree(train.resolve(RunManifest.FILE).toFile());
    assertEquals(30, resumed.get("resumed-from-step").asLong());
    List<JsonNode> after = lines(train.resolve(RefreshingPool.LOG));
    JsonNode rebuilt = after.get(pool.size());
    assertEquals("start", rebuilt.get("event").asText());
    assertTrue(rebuilt.get("complete").asBoolean());
    assertEquals("[4,5]", rebuilt.get("pool").toString());
    assertEquals(pool.size() + 1, after.size(), "a complete dataset is not refreshed");
  }
}
