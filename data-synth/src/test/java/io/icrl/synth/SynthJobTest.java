package io.icrl.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icrl.core.InvalidInputException;
import io.icrl.synth.bench.SparseRandomMdps;
import io.icrl.synth.format.Dataset;
import io.icrl.synth.format.Manifest;
import io.icrl.synth.format.SequenceEntry;
import io.icrl.synth.format.ShardEntry;
import io.icrl.synth.format.StepWindow;
import io.icrl.synth.format.WindowSampler;
import io.icrl.synth.rollout.SequenceColumns;
import io.icrl.synth.rollout.SequenceSynthesizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthJobTest {
  @TempDir
  Path tmp;

  private static SynthSettings settings(int threads) {
    return TestSettings.of("icrl.synth.sequences=7", "icrl.synth.steps=900",
        "icrl.synth.shard-sequences=2", "icrl.synth.seed=9", "icrl.synth.threads=" + threads);
  }

  private static Manifest run(SynthSettings s, Path out, SynthProgress p) {
    return SynthJob.run(s, out, SparseRandomMdps.registry(), p);
  }

  private static List<Path> arrowFiles(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".arrow")).sorted().toList();
    }
  }

  private static void assertSameFiles(Path a, Path b) throws Exception {
    List<Path> fa = arrowFiles(a);
    List<Path> fb = arrowFiles(b);
    assertEquals(fa.stream().map(Path::getFileName).toList(),
        fb.stream().map(Path::getFileName).toList());
    for (int i = 0; i < fa.size(); i++) {
      assertArrayEquals(Files.readAllBytes(fa.get(i)), Files.readAllBytes(fb.get(i)),
          fa.get(i).getFileName() + " differs");
    }
  }

  @Test
  void filesAreByteIdenticalWhateverTheThreadCount() throws Exception {
    AtomicLong rows = new AtomicLong();
    SynthProgress counting = new SynthProgress() {
      @Override
      public void rows(long n) {
        rows.addAndGet(n);
      }
    };
    Manifest one = run(settings(1), tmp.resolve("one"), counting);
    Manifest three = run(settings(3), tmp.resolve("three"), SynthProgress.NONE);
    assertSameFiles(tmp.resolve("one"), tmp.resolve("three"));
    assertEquals(7 * 900, rows.get());
    assertTrue(one.complete());
    assertEquals(4, one.shards().size());
    assertEquals(7 * 900L, one.rows());
    assertEquals(one.settingsFingerprint(), three.settingsFingerprint());
    assertEquals(3, three.threads());
  }

  @Test
  void datasetServesTheGeneratedSequences() throws Exception {
    Path out = tmp.resolve("data");
    SynthSettings s = settings(2);
    run(s, out, SynthProgress.NONE);
    SequenceColumns expected = new SequenceSynthesizer(s, SparseRandomMdps.registry())
        .synthesize(5);
    try (Dataset d = Dataset.open(out)) {
      assertEquals(7, d.sequenceCount());
      assertEquals(900, d.sequenceLength(6));
      assertEquals(16, d.maxStates());
      assertEquals(5, d.maxActions());
      assertTrue(d.datasetId().startsWith("sha256:"));
      StepWindow w = new StepWindow(100);
      d.read(5, 250, 100, w);
      assertEquals(5, w.sequence);
      assertEquals(250, w.start);
      assertEquals(100, w.length);
      assertEquals(16, w.states);
      for (int i = 0; i < 100; i++) {
        assertEquals(expected.state[250 + i], w.state[i]);
        assertEquals(expected.action[250 + i], w.action[i]);
        assertEquals(expected.reward[250 + i], w.reward[i]);
        assertEquals(expected.episodeStep[250 + i], w.episodeStep[i]);
      }
      assertThrows(IndexOutOfBoundsException.class, () -> d.read(5, 850, 100, w));
      WindowSampler sampler = new WindowSampler(d, 64, 1);
      StepWindow[] batch = sampler.newBatch(8);
      sampler.sample(batch);
      for (StepWindow b : batch) {
        assertEquals(64, b.length);
        assertTrue(b.start + 64 <= 900);
      }
    }
  }

  @Test
  void interruptedRunResumesWithoutDuplicates() throws Exception {
    Path out = tmp.resolve("resumed");
    SynthProgress crashAfterTwoShards = new SynthProgress() {
      int written;

      @Override
      public void shardWritten(ShardEntry shard) {
        if (++written == 2) {
          throw new IllegalStateException("simulated crash");
        }
      }
    };
    assertThrows(IllegalStateException.class, () -> run(settings(2), out, crashAfterTwoShards));
    Manifest partial = Manifest.read(out);
    assertFalse(partial.complete());
    assertEquals(2, partial.shards().size());
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> Dataset.open(out));
    assertTrue(e.getMessage().contains("incomplete"), e.getMessage());
    // a leftover temporary file and a shard written but never listed
    Files.write(out.resolve(".shard-000002.arrow.tmp-1-1"), new byte[] {1, 2, 3});
    Files.write(out.resolve(ShardEntry.fileName(3)), new byte[] {9, 9});

    AtomicLong started = new AtomicLong(-1);
    Manifest done = run(settings(3), out, new SynthProgress() {
      @Override
      public void started(long total, long alreadyDone, int threads) {
        started.set(alreadyDone);
      }
    });
    assertEquals(2 * 2 * 900, started.get(), "the two finished shards were kept");
    assertTrue(done.complete());
    List<Integer> seqs = done.shards().stream().flatMap(sh -> sh.sequences().stream())
        .map(SequenceEntry::sequence).toList();
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), seqs);
    assertFalse(Files.exists(out.resolve(".shard-000002.arrow.tmp-1-1")));
    run(settings(1), tmp.resolve("fresh"), SynthProgress.NONE);
    assertSameFiles(out, tmp.resolve("fresh"));
    Dataset.open(out).close();
  }

  @Test
  void resumeRefusesOtherSettingsAndForeignDirectories() throws Exception {
    Path out = tmp.resolve("d");
    run(settings(1), out, SynthProgress.NONE);
    SynthSettings other = TestSettings.of("icrl.synth.sequences=7", "icrl.synth.steps=901",
        "icrl.synth.shard-sequences=2", "icrl.synth.seed=9");
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> run(other, out, SynthProgress.NONE));
    assertTrue(e.getMessage().contains("other settings"), e.getMessage());
    // a complete dataset is left alone by a rerun
    Manifest again = run(settings(2), out, SynthProgress.NONE);
    assertTrue(again.complete());

    Path foreign = tmp.resolve("foreign");
    Files.createDirectories(foreign);
    Files.writeString(foreign.resolve("notes.txt"), "hello");
    e = assertThrows(InvalidInputException.class, () -> run(settings(1), foreign,
        SynthProgress.NONE));
    assertTrue(e.getMessage().contains("not empty"), e.getMessage());
  }

  @Test
  void statisticsCountTagsAndLabelAgreement() throws Exception {
    Path out = tmp.resolve("opt3");
    List<String> o = new java.util.ArrayList<>(TestSettings.only("opt3"));
    o.addAll(List.of("icrl.synth.sequences=3", "icrl.synth.steps=500",
        "icrl.synth.tags.mask-sequence-probability=0", "icrl.synth.tags.mask-episode-probability=0"));
    run(TestSettings.of(o.toArray(new String[0])), out, SynthProgress.NONE);
    try (Dataset d = Dataset.open(out)) {
      io.icrl.synth.format.DatasetStats st = io.icrl.synth.format.DatasetStats.of(d);
      assertEquals(1500, st.rows);
      assertEquals(st.rows, st.actionRows + st.episodes(), "every other row is a boundary row");
      assertEquals(st.actionRows, st.tagActions[io.icrl.synth.format.Tag.OPT3.ordinal()]);
      assertEquals(1.0, st.agreementRate(), "opt3 behavior labelled by opt3 always agrees");
      assertTrue(st.episodes() > 0);
      assertEquals(st.episodes(), st.tagEpisodes[io.icrl.synth.format.Tag.OPT3.ordinal()]);
      assertEquals(st.actionRows, st.promptActions[3]);
      assertEquals(st.actionRows, st.labelledRows);
    }
  }

  @Test
  void learnerPromptLabelsOnlyTheLearnersRows() throws Exception {
    Path out = tmp.resolve("exp1");
    List<String> o = new java.util.ArrayList<>(TestSettings.only("model-based"));
    o.addAll(List.of("icrl.synth.sequences=2", "icrl.synth.steps=800",
        "icrl.synth.reference.mix.opt3=0", "icrl.synth.reference.mix.exp1=1",
        "icrl.synth.tags.mask-sequence-probability=0", "icrl.synth.tags.mask-episode-probability=0",
        "icrl.synth.model-based.plain-probability=0"));
    run(TestSettings.of(o.toArray(new String[0])), out, SynthProgress.NONE);
    try (Dataset d = Dataset.open(out)) {
      io.icrl.synth.format.DatasetStats st = io.icrl.synth.format.DatasetStats.of(d);
      int exp1 = io.icrl.synth.format.Tag.EXP1.ordinal();
      int rnd = io.icrl.synth.format.Tag.RND.ordinal();
      assertTrue(st.tagActions[rnd] > 0, "the noisy learner also acts at random");
      assertEquals(st.tagActions[exp1], st.labelledRows, "only the learner's own rows");
      assertEquals(1.0, st.agreementRate(), "the label is the learner's action");
      assertEquals(st.actionRows, st.promptActions[4]);
    }
  }

  @Test
  void aTaskMixIsRecordedAsTrainingTasks() throws Exception {
    Path out = tmp.resolve("mix");
    String id = io.icrl.synth.bench.SparseRandomMdps.NAME + ":states=8,actions=3";
    Manifest m = run(TestSettings.of("icrl.synth.sequences=12", "icrl.synth.steps=100",
        "icrl.synth.task.mix=[{ weight = 0.5, id = \"" + id + "\" }]"), out, SynthProgress.NONE);
    io.icrl.synth.format.TrainingTasks t = io.icrl.synth.format.TrainingTasks.of(m).orElseThrow();
    assertEquals(List.of(id), t.mixed());
    assertEquals(List.of(io.icrl.synth.bench.SparseRandomMdps.NAME), t.families());
    long small = m.shards().stream().flatMap(sh -> sh.sequences().stream())
        .filter(e -> e.taskId().startsWith(id + ",seed=")).count();
    assertTrue(small > 0 && small < 12, small + " of 12 sequences on the mixed-in task");
    try (Dataset d = Dataset.open(out)) {
      assertEquals(16, d.maxStates());
    }
    Manifest plain = run(TestSettings.of("icrl.synth.sequences=2", "icrl.synth.steps=100"),
        tmp.resolve("plain"), SynthProgress.NONE);
    assertEquals(List.of(), io.icrl.synth.format.TrainingTasks.of(plain).orElseThrow().mixed());
  }

  @Test
  void damagedListedShardIsReportedOnOpenAndResume() throws Exception {
    Path out = tmp.resolve("damaged");
    run(settings(1), out, SynthProgress.NONE);
    Path shard = out.resolve(ShardEntry.fileName(1));
    byte[] b = Files.readAllBytes(shard);
    b[b.length / 2] ^= 1;
    Files.write(shard, b);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> Dataset.open(out));
    assertTrue(e.getMessage().contains(shard.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    e = assertThrows(InvalidInputException.class, () -> run(settings(1), out,
        SynthProgress.NONE));
    assertTrue(e.getMessage().contains(shard.toString()), e.getMessage());
  }
}
