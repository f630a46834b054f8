package io.icrl.cluster.bench;

import com.typesafe.config.Config;
import io.icrl.cluster.job.Coordinator;
import io.icrl.cluster.job.JobSpec;
import io.icrl.cluster.job.JobState;
import io.icrl.cluster.job.JobStatus;
import io.icrl.cluster.node.IcrlNode;
import io.icrl.cluster.run.RunPlan;
import io.icrl.cluster.run.RunRoles;
import io.icrl.cluster.stream.ShardSender;
import io.icrl.cluster.stream.StreamSettings;
import io.icrl.core.AtomicFiles;
import io.icrl.core.StrictConfig;
import io.icrl.synth.SynthMetadata;
import io.icrl.synth.SynthSettings;
import io.icrl.synth.format.ShardEntry;
import io.icrl.synth.format.ShardWriter;
import io.icrl.synth.rollout.SequenceColumns;
import io.icrl.synth.rollout.SequenceSynthesizer;
import io.icrl.tasks.TaskRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;

/**
 * {@code icrl bench cluster}: (a) a shard of about {@code shardMegabytes} streamed from this JVM
 * to a learner node in a second JVM over loopback, {@code repeats} times (streaming rate, and end
 * to end including the learner's fsync and checksum verification); (b) synthesis steps per second
 * of a synth job with two synth worker JVMs, then with one (one worker each, after a warm-up job,
 * this JVM holding the coordinator and the learner's ingest).
 */
public final class ClusterBench {
  private static final Duration WAIT = Duration.ofSeconds(120);

  /**
   * @param shardMegabytes approximate size of the streamed shard
   * @param repeats how often it is streamed
   * @param units synthesis units of each measured job
   * @param sequencesPerUnit sequences per unit (shard)
   * @param steps rows per sequence
   * @param states states of the random MDPs
   */
  public record Options(int shardMegabytes, int repeats, int units, int sequencesPerUnit,
      int steps, int states, boolean streaming, boolean synthesis) {}

  /** One measured row. */
  public record Row(String name, double value, String unit, String note) {}

  private final Path work;
  private final List<String> sets;
  private final List<String> childJvmOptions = new ArrayList<>(List.of("-Xmx512m"));
  private final Consumer<String> log;

  /**
   * @param work scratch directory (deleted content at the end)
   * @param sets extra config overrides for this JVM and the child nodes (e.g. chunk size)
   */
  public ClusterBench(Path work, List<String> sets, Consumer<String> log) {
    this.work = work;
    this.sets = List.copyOf(sets);
    this.log = log;
  }

  /** Adds JVM options of the child nodes (e.g. a flight recording). */
  public ClusterBench withChildJvmOptions(List<String> options) {
    childJvmOptions.addAll(options);
    return this;
  }

  /** Runs both parts; returns the table rows. */
  public List<Row> run(Options o) throws Exception {
    List<Row> rows = new ArrayList<>();
    Files.createDirectories(work);
    try {
      if (o.streaming()) {
        rows.addAll(streaming(o));
      }
      if (o.synthesis()) {
        rows.addAll(synthesis(o));
      }
    } finally {
      AtomicFiles.deleteTree(work);
    }
    return rows;
  }

  private Config config(String... more) {
    List<String> all = new ArrayList<>(List.of("icrl.cluster.node.port=0",
        "icrl.cluster.node.exit-jvm=off", "icrl.cluster.node.seed-nodes=[]",
        "icrl.cluster.metrics.enabled=off", "icrl.cluster.stream.learner-wait=120s"));
    all.addAll(sets);
    all.addAll(List.of(more));
    return StrictConfig.load(null, all);
  }

  private NodeProcess child(String name, IcrlNode seed, String roles) throws IOException {
    List<String> args = new ArrayList<>(List.of("--roles", roles, "--port", "0",
        "--seed-nodes", "127.0.0.1:" + seed.port(), "--metrics-port", "0", "--cpus", "1",
        "--set", "icrl.cluster.run.synth-workers=1", "--set", "icrl.cluster.metrics.jvm=off"));
    for (String s : sets) {
      args.addAll(List.of("--set", s));
    }
    return NodeProcess.start(work.resolve(name + ".log"), childJvmOptions, args);
  }

  private List<Row> streaming(Options o) throws Exception {
    Config c = config("icrl.cluster.node.roles=[coordinator]");
    StreamSettings stream = StreamSettings.from(c);
    long rowsWanted = Math.max(1, (long) o.shardMegabytes() * 1_000_000L / 27);
    int sequences = 8;
    int steps = (int) Math.max(1000, rowsWanted / sequences);
    Config synthConf = config("icrl.synth.sequences=" + sequences, "icrl.synth.shard-sequences="
        + sequences, "icrl.synth.steps=" + steps, "icrl.synth.task.states=" + o.states());
    SynthSettings synth = SynthSettings.from(synthConf);
    String payload = RunPlan.from(withRun(synthConf, "stream")).synthJob().payload();
    log.accept("streaming: synthesizing a shard of " + sequences + " x " + steps + " rows ...");
    SequenceSynthesizer gen = new SequenceSynthesizer(synth, TaskRegistry.standard());
    List<SequenceColumns> seqs = new ArrayList<>();
    for (int i = 0; i < sequences; i++) {
      seqs.add(gen.synthesize(i));
    }
    Path file = work.resolve("stream-src").resolve(ShardEntry.fileName(0));
    ShardEntry entry = ShardWriter.write(file, 0, seqs, SynthMetadata.schemaMetadata(synth));
    seqs.clear();
    List<Row> rows = new ArrayList<>();
    try (IcrlNode node = IcrlNode.start(c);
        NodeProcess learner = child("stream-learner", node, "learner")) {
      node.awaitUp(WAIT);
      ShardSender sender = new ShardSender(node.system(), stream, node.metrics());
      double bestStream = 0;
      double bestTotal = 0;
      double sumStream = 0;
      double cpuSelf = 0;
      double cpuLearner = 0;
      long measuredBytes = 0;
      for (int r = 0; r <= o.repeats(); r++) {
        double self0 = processCpuSeconds();
        double learner0 = learner.cpuSeconds();
        Path target = work.resolve("stream-dst-" + r);
        ShardSender.Sent sent = sender.send("bench", target.toString(), payload, entry, file);
        double mbs = sent.bytes() / (sent.streamNanos() / 1e9) / 1e6;
        double total = sent.bytes() / (sent.totalNanos() / 1e9) / 1e6;
        log.accept(String.format("streaming: %s %.1f MB in %.3f s: %.0f MB/s streaming, %.0f"
            + " MB/s end to end; CPU sender %.2f s, learner %.2f s", r == 0 ? "warm-up"
            : "run " + r, sent.bytes() / 1e6, sent.streamNanos() / 1e9, mbs, total,
            processCpuSeconds() - self0, learner.cpuSeconds() - learner0));
        if (r > 0) {
          cpuSelf += processCpuSeconds() - self0;
          cpuLearner += learner.cpuSeconds() - learner0;
          measuredBytes += sent.bytes();
        }
        AtomicFiles.deleteTree(target);
        if (r > 0) {
          bestStream = Math.max(bestStream, mbs);
          bestTotal = Math.max(bestTotal, total);
          sumStream += mbs;
        }
      }
      String note = String.format("%.1f MB shard, %d KiB chunks, best of %d", entry.bytes() / 1e6,
          stream.chunkBytes() / 1024, o.repeats());
      rows.add(new Row("shard streaming JVM -> JVM (loopback)", bestStream, "MB/s", note
          + String.format(", mean %.0f", sumStream / o.repeats())));
      rows.add(new Row("  end to end (+ learner fsync, CRC verify)", bestTotal, "MB/s", note));
      double perCore = measuredBytes / Math.max(cpuSelf, cpuLearner) / 1e6;
      rows.add(new Row("  CPU-bound rate (a core per JVM)", perCore, "MB/s", String.format(
          "end to end; CPU per GB: sender %.2f s, learner %.2f s", cpuSelf / measuredBytes * 1e9,
          cpuLearner / measuredBytes * 1e9)));
    }
    return rows;
  }

  private List<Row> synthesis(Options o) throws Exception {
    Config c = config("icrl.cluster.node.roles=[coordinator,learner]");
    List<Row> rows = new ArrayList<>();
    try (IcrlNode node = IcrlNode.start(c)) {
      RunRoles.install(node, c);
      node.awaitUp(WAIT);
      NodeProcess one = child("synth-1", node, "synth");
      NodeProcess two = child("synth-2", node, "synth");
      try {
        awaitSynthMembers(node, 2);
        log.accept("synthesis: warm-up job on both worker JVMs ...");
        job(node, o, "warmup", Math.max(2, o.units() / 2), List.of(one, two));
        log.accept("synthesis: two worker JVMs ...");
        double[] twoJvms = job(node, o, "two", o.units(), List.of(one, two));
        two.close();
        awaitSynthMembers(node, 1);
        log.accept("synthesis: one worker JVM ...");
        double[] oneJvm = job(node, o, "one", o.units(), List.of(one));
        String note = String.format("%d units x %d x %d steps, %d states", o.units(),
            o.sequencesPerUnit(), o.steps(), o.states());
        rows.add(new Row("synth, 1 worker JVM", oneJvm[0], "steps/s", note + String.format(
            ", %.1f s", oneJvm[1])));
        rows.add(new Row("synth, 2 worker JVMs", twoJvms[0], "steps/s", String.format(
            "speedup %.2fx, %.1f s", twoJvms[0] / oneJvm[0], twoJvms[1])));
        rows.add(new Row("  per CPU-second of the worker JVMs, 1 JVM", oneJvm[2], "steps/s",
            String.format("coordinator + learner JVM: %.2f CPU-s per M steps", oneJvm[3])));
        rows.add(new Row("  per CPU-second of the worker JVMs, 2 JVMs", twoJvms[2], "steps/s",
            String.format("coordinator + learner JVM: %.2f CPU-s per M steps", twoJvms[3])));
      } finally {
        two.close();
        one.close();
      }
    }
    return rows;
  }

  /**
   * Runs a synth job; returns {steps per second, seconds, steps per CPU-second of the worker JVMs,
   * CPU-seconds of this JVM per million steps}.
   */
  private double[] job(IcrlNode node, Options o, String name, int units,
      List<NodeProcess> workers) throws Exception {
    Config jc = withRun(config("icrl.synth.sequences=" + units * o.sequencesPerUnit(),
        "icrl.synth.shard-sequences=" + o.sequencesPerUnit(), "icrl.synth.steps=" + o.steps(),
        "icrl.synth.task.states=" + o.states(), "icrl.synth.seed=" + name.hashCode()), name);
    JobSpec spec = RunPlan.from(jc).synthJob();
    double cpu0 = 0;
    for (NodeProcess w : workers) {
      cpu0 += w.cpuSeconds();
    }
    double self0 = processCpuSeconds();
    long t0 = System.nanoTime();
    Coordinator.SubmitReply reply = ask(node, r -> new Coordinator.SubmitJob(spec, r));
    if (reply instanceof Coordinator.JobRejected rejected) {
      throw new IllegalStateException("bench job " + name + " refused: " + rejected.reason());
    }
    JobStatus end = ask(node, r -> new Coordinator.AwaitJob(spec.jobId(), r));
    double secs = (System.nanoTime() - t0) / 1e9;
    double self = processCpuSeconds() - self0;
    double cpu = -cpu0;
    for (NodeProcess w : workers) {
      cpu += w.cpuSeconds();
    }
    if (end.state() != JobState.COMPLETED) {
      throw new IllegalStateException("bench job " + name + " did not complete: "
          + end.summary() + " " + end.errors());
    }
    log.accept(String.format("synthesis: %s: %,d steps in %.2f s = %,.0f steps/s; worker CPU"
        + " %.2f s, coordinator + learner CPU %.2f s", name, end.steps(), secs, end.steps() / secs,
        cpu, self));
    AtomicFiles.deleteTree(work.resolve("run-" + name));
    return new double[] {end.steps() / secs, secs, end.steps() / cpu, self / end.steps() * 1e6};
  }

  private Config withRun(Config c, String name) {
    List<String> all = new ArrayList<>(List.of("icrl.cluster.job.id=bench-" + name,
        "icrl.cluster.job.output-dir=\"" + work.resolve("run-" + name) + "\"",
        "icrl.cluster.run.stages=[synth]"));
    return StrictConfig.parseOverrides(all).withFallback(c).resolve();
  }

  private void awaitSynthMembers(IcrlNode node, int n) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      long up = 0;
      for (org.apache.pekko.cluster.Member m : Cluster.get(node.system()).state().getMembers()) {
        if (m.status() == MemberStatus.up() && m.getRoles().contains("synth")) {
          up++;
        }
      }
      if (up == n) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("expected " + n + " synth nodes, see " + work);
      }
      Thread.sleep(100);
    }
  }

  private static double processCpuSeconds() {
    java.lang.management.OperatingSystemMXBean os =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime() / 1e9;
    }
    return Double.NaN;
  }

  private static <T> T ask(IcrlNode node, Function<ActorRef<T>, Coordinator.Command> message)
      throws Exception {
    return AskPattern.<Coordinator.Command, T>ask(node.coordinator(), message::apply, WAIT,
        node.system().scheduler()).toCompletableFuture().get(WAIT.toSeconds() + 5,
        TimeUnit.SECONDS);
  }

}
