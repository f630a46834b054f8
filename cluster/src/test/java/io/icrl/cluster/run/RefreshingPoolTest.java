package io.icrl.cluster.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icrl.cluster.metrics.IcrlMetrics;
import io.icrl.core.InvalidInputException;
import io.icrl.core.StrictConfig;
import io.icrl.synth.SynthJob;
import io.icrl.synth.SynthProgress;
import io.icrl.synth.SynthSettings;
import io.icrl.synth.format.Dataset;
import io.icrl.synth.format.Manifest;
import io.icrl.synth.format.ShardEntry;
import io.icrl.synth.format.StepWindow;
import io.icrl.synth.format.WindowSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The learner's refreshing pool over a dataset directory that fills up shard by shard (the
 * manifest rewritten after each, as the shard ingest does): new shards join, the oldest leave
 * beyond the bound, windows read through the pool are the dataset's own, and every change is
 * logged.
 */
class RefreshingPoolTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path shared;

  static Path reference;
  static Manifest full;

  @TempDir
  Path dir;

  @BeforeAll
  static void synthesize() {
    SynthSettings s = SynthSettings.from(StrictConfig.load(null, List.of("icrl.synth.sequences=6",
        "icrl.synth.steps=300", "icrl.synth.shard-sequences=1", "icrl.synth.seed=9",
        "icrl.synth.threads=1", "icrl.synth.task.states=8", "icrl.synth.task.actions=3")));
    reference = shared.resolve("reference");
    full = SynthJob.run(s, reference, new SynthProgress() {});
  }

  /** Makes {@code data} list shards {@code [0, n)} of the reference dataset, as the ingest does. */
  private static void arrive(Path data, int n) throws Exception {
    Files.createDirectories(data);
    List<ShardEntry> listed = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      ShardEntry e = full.shards().get(k);
      Path target = data.resolve(e.file());
      if (!Files.exists(target)) {
        Files.copy(reference.resolve(e.file()), target);
      }
      listed.add(e);
    }
    boolean complete = n == full.shards().size();
    full.with(listed, complete, complete ? full.finishedAt() : null, 1.0).write(data);
  }

  @Test
  void newShardsJoinAndTheOldestLeaveBeyondTheBound() throws Exception {
    Path data = dir.resolve("data");
    Path log = dir.resolve("train").resolve(RefreshingPool.LOG);
    IcrlMetrics metrics = IcrlMetrics.create();
    arrive(data, 1);
    RefreshingPool pool = RefreshingPool.open(data, 1, 2, metrics, log);
    WindowSource first = pool.source();
    assertEquals(List.of(0), pool.shards());
    assertFalse(pool.datasetComplete());
    assertTrue(first.datasetId().startsWith(RefreshingPool.ID_PREFIX), first.datasetId());
    assertEquals(1, first.sequenceCount());
    assertSame(first, pool.before(1, first), "nothing new: the same source");

    arrive(data, 3);
    WindowSource second = pool.before(2, first);
    assertNotSame(first, second);
    assertEquals(List.of(1, 2), pool.shards());
    assertEquals(first.datasetId(), second.datasetId(), "the id stays while shards arrive");
    assertEquals(first.trainingTasks(), second.trainingTasks());
    assertSame(second, pool.before(3, second));

    arrive(data, 6);
    WindowSource last = pool.before(4, second);
    assertEquals(List.of(4, 5), pool.shards());
    assertTrue(pool.datasetComplete());
    assertSame(last, pool.before(5, last), "a complete dataset is not looked at again");

    // Windows read through the pool are the dataset's own sequences 4 and 5.
    try (Dataset d = Dataset.open(data)) {
      for (int i = 0; i < 2; i++) {
        int seq = 4 + i;
        assertEquals(d.sequenceLength(seq), last.sequenceLength(i));
        StepWindow a = new StepWindow(50);
        StepWindow b = new StepWindow(50);
        last.read(i, 120, 50, a);
        d.read(seq, 120, 50, b);
        assertEquals(seq, a.sequence);
        assertEquals(b.length, a.length);
        assertArrayEquals(b.state, a.state);
        assertArrayEquals(b.action, a.action);
        assertArrayEquals(b.reward, a.reward);
        assertArrayEquals(b.label, a.label);
      }
    }

    List<JsonNode> lines = new ArrayList<>();
    for (String l : Files.readAllLines(log)) {
      lines.add(JSON.readTree(l));
    }
    assertEquals(List.of("start", "refresh", "refresh"),
        lines.stream().map(n -> n.get("event").asText()).toList());
    assertEquals(List.of(0L, 2L, 4L), lines.stream().map(n -> n.get("step").asLong()).toList());
    assertEquals(List.of(1, 3, 6), lines.stream().map(n -> n.get("stored").asInt()).toList());
    lines.forEach(n -> assertTrue(n.get("pool").size() <= 2, n.toString()));
    assertEquals(List.of(false, false, true),
        lines.stream().map(n -> n.get("complete").asBoolean()).toList());

    String text = MetricsText.render(metrics);
    assertEquals(2.0, MetricsText.value(text, "icrl_learner_pool_shards"));
    assertEquals(2.0, MetricsText.value(text, "icrl_learner_pool_refreshes_total"));
    assertEquals(false, pool.describe().get("bit-reproducible"));
  }

  @Test
  void rebuiltFromDiskItTakesTheHighestShardsOrAllWhenUnbounded() throws Exception {
    Path data = dir.resolve("data");
    arrive(data, 4);
    RefreshingPool bounded = RefreshingPool.open(data, 1, 3, IcrlMetrics.create(),
        dir.resolve("a.jsonl"));
    assertEquals(List.of(1, 2, 3), bounded.shards());
    RefreshingPool all = RefreshingPool.open(data, 1, 0, IcrlMetrics.create(),
        dir.resolve("b.jsonl"));
    assertEquals(List.of(0, 1, 2, 3), all.shards());
    assertEquals(4, all.source().sequenceCount());
    arrive(data, 6);
    all.before(1, all.source());
    assertEquals(List.of(0, 1, 2, 3, 4, 5), all.shards());
    int[] lengths = new int[6];
    for (int i = 0; i < 6; i++) {
      lengths[i] = (int) all.source().sequenceLength(i);
    }
    assertTrue(Arrays.stream(lengths).allMatch(n -> n > 0));
  }

  @Test
  void tooFewShardsOrNoDatasetAreRefused() throws Exception {
    Path data = dir.resolve("data");
    InvalidInputException none = assertThrows(InvalidInputException.class,
        () -> RefreshingPool.open(data, 1, 8, IcrlMetrics.create(), dir.resolve("l.jsonl")));
    assertTrue(none.getMessage().contains("manifest.json"), none.getMessage());
    arrive(data, 1);
    InvalidInputException few = assertThrows(InvalidInputException.class,
        () -> RefreshingPool.open(data, 3, 8, IcrlMetrics.create(), dir.resolve("l.jsonl")));
    assertTrue(few.getMessage().contains("pool.min-shards = 3"), few.getMessage());
  }
}
