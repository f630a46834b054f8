package io.icrl.synth.bench;

import io.icrl.core.AtomicFiles;
import io.icrl.core.StrictConfig;
import io.icrl.synth.SynthMetadata;
import io.icrl.synth.SynthSettings;
import io.icrl.synth.behavior.BehaviorKind;
import io.icrl.synth.format.Dataset;
import io.icrl.synth.format.Manifest;
import io.icrl.synth.format.ShardEntry;
import io.icrl.synth.format.ShardWriter;
import io.icrl.synth.format.StepWindow;
import io.icrl.synth.format.TrajectorySchema;
import io.icrl.synth.rollout.SequenceColumns;
import io.icrl.synth.rollout.SequenceSynthesizer;
import io.icrl.tasks.TaskRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Single-thread throughput of data synthesis and of the Arrow format, for {@code ./icrl bench
 * synth}: steps/s per core of (a) the uniform random policy and (b) the full default behavior
 * mixture (learners updating, labels computed), at each state count, measured in thread CPU time
 * over whole sequences (task generation and the four value iterations included; their cost per
 * sequence is reported separately); Arrow write (with fsync), open + checksum verification, and
 * window-read throughput in MB/s (wall time).
 */
public final class SynthBench {
  /** One line of the result table. */
  public record Row(String name, double value, String unit, String note) {}

  /**
   * What to measure.
   *
   * @param states state counts to measure synthesis at
   * @param rows rows per synthesized sequence
   * @param sequences sequences per synthesis measurement (after one warm-up sequence)
   * @param config the base configuration (its icrl.synth.task settings pick the task family)
   * @param workDir a scratch directory for the Arrow measurements (deleted afterwards)
   */
  public record Options(List<Integer> states, int rows, int sequences,
      com.typesafe.config.Config config, Path workDir) {}

  private SynthBench() {}

  /** Runs every measurement. */
  public static List<Row> run(Options o) throws IOException {
    List<Row> rows = new ArrayList<>();
    TaskRegistry registry = TaskRegistry.standard();
    String family = o.config().getString("icrl.synth.task.family");
    String note = "";
    if (!registry.names().contains(family)) {
      SparseRandomMdps.register(registry);
      family = SparseRandomMdps.NAME;
      note = "tasks: " + SparseRandomMdps.NAME + " (configured family not available)";
    } else {
      note = "tasks: " + family;
    }
    List<SequenceColumns> sample = null;
    SynthSettings sampleSettings = null;
    for (int states : o.states()) {
      rows.add(new Row("per-sequence setup (task + opt0..3), " + states + " states",
          setupMillis(settings(o, family, states, false), registry), "ms", note));
      SynthSettings uniform = settings(o, family, states, true);
      rows.add(new Row("(a) uniform random policy, " + states + " states",
          stepsPerSecond(uniform, registry, o, null), "steps/s/core", note));
      SynthSettings mixture = settings(o, family, states, false);
      List<SequenceColumns> kept = new ArrayList<>();
      rows.add(new Row("(b) full behavior mixture, " + states + " states",
          stepsPerSecond(mixture, registry, o, kept), "steps/s/core", note));
      sample = kept;
      sampleSettings = mixture;
    }
    if (sample != null) {
      arrow(sample, sampleSettings, o.workDir(), rows);
    }
    return rows;
  }

  private static SynthSettings settings(Options o, String family, int states, boolean uniform) {
    List<String> sets = new ArrayList<>();
    sets.add("icrl.synth.task.family=" + family);
    sets.add("icrl.synth.task.states=" + states);
    sets.add("icrl.synth.steps=" + o.rows());
    if (uniform) {
      for (BehaviorKind k : BehaviorKind.values()) {
        sets.add("icrl.synth.behavior.mix." + k.key() + "="
            + (k == BehaviorKind.UNIFORM_RANDOM ? 1 : 0));
      }
    }
    com.typesafe.config.Config c = StrictConfig.parseOverrides(sets).withFallback(o.config());
    return SynthSettings.from(c);
  }

  /** CPU time of this thread in ns: per-core throughput, robust to other load on the machine. */
  private static long cpuNanos() {
    return THREADS.getCurrentThreadCpuTime();
  }

  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  /** Rows per CPU-second over whole sequences (including each sequence's setup). */
  private static double stepsPerSecond(SynthSettings s, TaskRegistry registry, Options o,
      List<SequenceColumns> keep) {
    SequenceSynthesizer synth = new SequenceSynthesizer(s, registry);
    synth.synthesize(1_000_000); // warm-up
    long rows = 0;
    long t0 = cpuNanos();
    for (int i = 0; i < o.sequences(); i++) {
      SequenceColumns c = synth.synthesize(i);
      rows += c.rows();
      if (keep != null && i < 2) {
        keep.add(c);
      }
    }
    return rows / ((cpuNanos() - t0) / 1e9);
  }

  /** Mean CPU milliseconds to make a sequence's task and solve its four reference policies. */
  private static double setupMillis(SynthSettings s, TaskRegistry registry) {
    io.icrl.synth.rollout.TaskSource tasks =
        new io.icrl.synth.rollout.TaskSource(s.task(), registry);
    int n = 5;
    io.icrl.synth.behavior.ReferencePolicies.solve(tasks.mdp(tasks.taskSeed(s.seed(), 999)),
        s.reference().gammas());
    long t0 = cpuNanos();
    for (int i = 0; i < n; i++) {
      io.icrl.synth.behavior.ReferencePolicies.solve(tasks.mdp(tasks.taskSeed(s.seed(), i)),
          s.reference().gammas());
    }
    return (cpuNanos() - t0) / 1e6 / n;
  }

  private static void arrow(List<SequenceColumns> seqs, SynthSettings s, Path work,
      List<Row> rows) throws IOException {
    Path dir = Files.createDirectories(work).resolve("icrl-bench-" + ProcessHandle.current().pid());
    Files.createDirectories(dir);
    try {
      Map<String, String> md = SynthMetadata.schemaMetadata(s);
      ShardWriter.write(dir.resolve("warmup.arrow"), 0, seqs, md);
      Files.delete(dir.resolve("warmup.arrow"));
      long t0 = System.nanoTime();
      ShardEntry e = ShardWriter.write(dir.resolve(ShardEntry.fileName(0)), 0, seqs, md);
      double writeS = (System.nanoTime() - t0) / 1e9;
      rows.add(new Row("Arrow write (incl. fsync)", e.bytes() / writeS / 1e6, "MB/s",
          e.bytes() / 1_000_000 + " MB, " + e.rows() + " rows"));
      Manifest m = new Manifest(TrajectorySchema.FORMAT, TrajectorySchema.VERSION, "bench",
          "bench", true, s.seed(), 0, 1, "bench", s.behavior().mix(), seqs.size(), s.steps(),
          SynthMetadata.fingerprint(s), SynthMetadata.settingsTree(s), 1, null, null, 0,
          List.of(e));
      m.write(dir);
      Dataset.open(dir, true).close(); // warm-up
      t0 = System.nanoTime();
      Dataset d = Dataset.open(dir, true);
      double openS = (System.nanoTime() - t0) / 1e9;
      rows.add(new Row("Arrow open + verify checksums", e.bytes() / openS / 1e6, "MB/s", ""));
      int window = 4096;
      StepWindow w = new StepWindow(window);
      long checksum = scan(d, w, window); // warm-up
      t0 = System.nanoTime();
      int passes = 3;
      for (int p = 0; p < passes; p++) {
        checksum += scan(d, w, window);
      }
      double readS = (System.nanoTime() - t0) / 1e9;
      rows.add(new Row("Arrow window reads (T=" + window + ")", passes * e.bytes() / readS / 1e6,
          "MB/s", "checksum " + (checksum & 0xffff)));
      d.close();
    } finally {
      AtomicFiles.deleteTree(dir);
    }
  }

  private static long scan(Dataset d, StepWindow w, int window) {
    long acc = 0;
    for (int s = 0; s < d.sequenceCount(); s++) {
      long n = d.sequenceLength(s);
      for (long start = 0; start < n; start += window) {
        int len = (int) Math.min(window, n - start);
        d.read(s, start, len, w);
        acc += w.state[len - 1] + w.action[0];
      }
    }
    return acc;
  }
}
