package io.icrl.cluster.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import io.icrl.cluster.job.Coordinator;
import io.icrl.cluster.job.JobState;
import io.icrl.cluster.job.JobStatus;
import io.icrl.cluster.node.IcrlNode;
import io.icrl.cluster.stream.ShardIngest;
import io.icrl.cluster.stream.ShardSender;
import io.icrl.cluster.stream.StreamSettings;
import io.icrl.core.StrictConfig;
import io.icrl.synth.SynthJob;
import io.icrl.synth.SynthProgress;
import io.icrl.synth.format.Dataset;
import io.icrl.synth.format.Manifest;
import io.icrl.synth.format.ShardEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Synthesis units streamed to the learner's ingest (one node with roles synth and learner, tiny
 * chunks and buffer so that backpressure is exercised) form a dataset byte-identical to what {@code
 * icrl synth} writes; duplicates are not stored twice and corrupted copies are not stored at all.
 */
class ShardStreamingTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir
  Path dir;

  static Config config(Path run, String... more) {
    List<String> sets = new ArrayList<>(List.of("icrl.cluster.node.port=0",
        "icrl.cluster.node.exit-jvm=off", "icrl.cluster.metrics.port=0",
        "icrl.cluster.metrics.jvm=off", "icrl.cluster.node.resources.cpus=2",
        "icrl.cluster.node.roles=[coordinator,synth,learner]",
        "icrl.cluster.job.id=stream", "icrl.cluster.job.output-dir=\"" + run + "\"",
        "icrl.synth.sequences=10", "icrl.synth.steps=700", "icrl.synth.shard-sequences=3",
        "icrl.synth.seed=5", "icrl.synth.threads=2", "icrl.synth.task.states=8",
        "icrl.synth.task.actions=3", "icrl.cluster.stream.chunk-bytes=1024",
        "icrl.cluster.stream.buffer-chunks=2", "icrl.cluster.stream.learner-wait=20s"));
    sets.addAll(List.of(more));
    return StrictConfig.load(null, sets);
  }

  static <T> T ask(IcrlNode node, Function<ActorRef<T>, Coordinator.Command> message)
      throws Exception {
    return AskPattern.<Coordinator.Command, T>ask(node.coordinator(), message::apply, WAIT,
        node.system().scheduler()).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  void streamedUnitsFormTheDatasetSynthWritesAndDuplicatesOrCorruptCopiesAreNotStored()
      throws Exception {
    Path run = dir.resolve("run");
    Config c = config(run);
    RunPlan plan = RunPlan.from(c);
    Path reference = dir.resolve("reference");
    SynthJob.run(plan.synth(), reference, new SynthProgress() {});

    try (IcrlNode node = IcrlNode.start(c)) {
      RunRoles.install(node, c);
      node.awaitUp(Duration.ofSeconds(30));
      Coordinator.SubmitReply reply = ask(node, r -> new Coordinator.SubmitJob(plan.synthJob(),
          r));
      assertEquals(new Coordinator.JobAccepted("stream-synth", 4, 0), reply);
      JobStatus end = ask(node, r -> new Coordinator.AwaitJob("stream-synth", r));
      assertEquals(JobState.COMPLETED, end.state(), end.toString());
      assertEquals(10L * 700, end.steps());

      Path data = run.resolve("data");
      Manifest ref = Manifest.read(reference);
      Manifest got = Manifest.read(data);
      assertTrue(got.complete());
      assertEquals(ref.shards(), got.shards());
      assertEquals(ref.settingsFingerprint(), got.settingsFingerprint());
      long bytes = 0;
      for (ShardEntry e : ref.shards()) {
        assertArrayEquals(Files.readAllBytes(reference.resolve(e.file())),
            Files.readAllBytes(data.resolve(e.file())), e.file());
        bytes += e.bytes();
      }
      assertEquals(List.of("manifest.json", "shard-000000.arrow", "shard-000001.arrow",
          "shard-000002.arrow", "shard-000003.arrow"), list(data));
      try (Dataset d = Dataset.open(data)) {
        assertEquals(10, d.sequenceCount());
      }
      String text = MetricsText.render(node.metrics());
      assertEquals(bytes, MetricsText.value(text, "icrl_stream_bytes_total{direction=\"sent\"}"));
      assertEquals(bytes, MetricsText.value(text,
          "icrl_stream_bytes_total{direction=\"received\"}"));
      assertEquals(7000.0, MetricsText.value(text, "icrl_synth_steps_total"));
      assertEquals(0.0, MetricsText.value(text, "icrl_buffer_depth{buffer=\"learner_input\"}"));
      assertEquals(4.0, MetricsText.value(text, "icrl_work_units{state=\"done\"}"));

      // A unit finished twice (e.g. re-issued while its first worker was only slow) is stored once.
      StreamSettings ss = StreamSettings.from(c);
      ShardSender sender = new ShardSender(node.system(), ss, node.metrics());
      ShardEntry e1 = ref.shards().get(1);
      ShardSender.Sent again = sender.send("u000001", data.toString(),
          plan.synthJob().payload(), e1, reference.resolve(e1.file()));
      assertTrue(again.stored().duplicate());
      assertEquals(0, again.bytes());
      assertEquals(bytes, MetricsText.value(MetricsText.render(node.metrics()),
          "icrl_stream_bytes_total{direction=\"sent\"}"), "a duplicate is not streamed");

      // A corrupted copy is verified against its producer's checksums and never stored.
      Path fresh = dir.resolve("fresh");
      byte[] corrupt = Files.readAllBytes(reference.resolve(e1.file()));
      corrupt[corrupt.length / 2] ^= 0x40;
      Path bad = dir.resolve("bad.arrow");
      Files.write(bad, corrupt);
      IllegalStateException refused = assertThrows(IllegalStateException.class,
          () -> sender.send("u000001", fresh.toString(), plan.synthJob().payload(), e1, bad));
      assertTrue(refused.getMessage().contains("did not store shard 1"), refused.getMessage());
      assertTrue(refused.getMessage().contains("checksum mismatch"), refused.getMessage());
      assertEquals(List.of("manifest.json"), list(fresh), "nothing stored, no temporary left");
      assertFalse(Manifest.read(fresh).complete());

      // A shard that is not the one the unit claims is refused before anything is streamed.
      ShardEntry wrong = new ShardEntry(2, e1.file(), e1.bytes(), e1.rows(), e1.crc32c(),
          e1.sequences());
      IllegalStateException misnamed = assertThrows(IllegalStateException.class,
          () -> sender.send("u000002", fresh.toString(), plan.synthJob().payload(), wrong, bad));
      assertTrue(misnamed.getMessage().contains("refused shard 2"), misnamed.getMessage());
    }
  }

  private static List<String> list(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
