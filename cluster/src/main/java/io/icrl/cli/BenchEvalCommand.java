package io.icrl.cli;

import ai.djl.Device;
import com.typesafe.config.Config;
import io.icrl.core.AtomicFiles;
import io.icrl.core.InvalidInputException;
import io.icrl.eval.EvalSettings;
import io.icrl.eval.TaskSelection;
import io.icrl.eval.agent.AgentFactory;
import io.icrl.eval.agent.CheckpointModels;
import io.icrl.eval.agent.InContextAgentFactory;
import io.icrl.eval.agent.LearnerModelSource;
import io.icrl.eval.agent.RowModelSource;
import io.icrl.eval.baseline.Baselines;
import io.icrl.eval.baseline.BehaviorData;
import io.icrl.eval.bench.AgentThroughput;
import io.icrl.eval.report.SweepOutputs;
import io.icrl.eval.sweep.Sweep;
import io.icrl.eval.sweep.SweepListener;
import io.icrl.eval.sweep.SweepRequest;
import io.icrl.eval.sweep.SweepResult;
import io.icrl.eval.task.PreparedTask;
import io.icrl.learner.LearnerSettings;
import io.icrl.learner.infer.InferSettings;
import io.icrl.learner.model.Devices;
import io.icrl.learner.model.LearnerModel;
import io.icrl.tasks.TabularTask;
import io.icrl.tasks.TaskRegistry;
import io.icrl.tasks.mdp.TabularMdp;
import io.icrl.tasks.mdp.TabularMdpBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code icrl bench eval}: agent steps/s (the in-context model at contexts of 1k and 4k rows, alone
 * and as parallel cells sharing its weights, and the baselines) and the wall time of a reference
 * sweep (default: the configured default suites with the configured E and K). Without {@code
 * --checkpoint} the model is an untrained one of the configured learner preset ({@code
 * icrl.learner.preset}, local by default): speed does not depend on the weights.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Agent steps/s (model at contexts 1k and 4k, baselines) and the wall time of a"
        + " reference evaluation sweep.")
final class BenchEvalCommand implements Callable<Integer> {
  @Mixin
  ConfigOptions config = new ConfigOptions();

  @Option(names = "--checkpoint", paramLabel = "RUN", description = "In-context model to measure"
      + " (default: an untrained model of icrl.learner.preset).")
  Path checkpoint;

  @Option(names = "--task", paramLabel = "ID", description = "Reference sweep task (repeatable).")
  List<String> tasks = new ArrayList<>();

  @Option(names = "--suite", paramLabel = "NAME", description = "Reference sweep suite"
      + " (repeatable; default: icrl.eval.default-suites).")
  List<String> suites = new ArrayList<>();

  @Option(names = "--steps", paramLabel = "N", description = "Steps timed per agent.",
      defaultValue = "200000")
  int steps;

  @Option(names = "--no-sweep", description = "Skip the reference sweep.")
  boolean noSweep;

  TaskRegistry registry = TaskRegistry.standard();

  @Override
  public Integer call() throws Exception {
    Config c = config.load();
    EvalSettings s = EvalSettings.fromConfig(c);
    try (LearnerModelSource model = checkpoint == null ? untrained(c, s)
        : CheckpointModels.open(checkpoint, s.model(), 1, Optional.empty())) {
      return measure(s, model);
    }
  }

  /** An untrained model of the configured learner preset (speed does not depend on training). */
  private static LearnerModelSource untrained(Config c, EvalSettings s) {
    LearnerSettings ls = LearnerSettings.from(c);
    Devices.configureThreads(s.model().intraOpThreads(1));
    Device device = Devices.choose(s.model().device());
    LearnerModel m = LearnerModel.create(ls.model(), ls.seed(), device,
        Devices.computeType(s.model().precision(), device));
    return new LearnerModelSource(m, new InferSettings(s.model().context(),
        s.model().keepFraction()), "untrained " + ls.preset() + " preset ("
        + ls.model().layers() + " x " + ls.model().dModel() + ", " + m.parameterCount()
        + " parameters) on " + device, Optional.empty());
  }

  private int measure(EvalSettings s, LearnerModelSource model) throws Exception {
    PreparedTask bench = PreparedTask.prepare(new TabularTask("bench-mdp:states=64,actions=5",
        benchMdp()), s.references(), s.rootSeed());
    System.out.println("model: " + model.describe() + ", context " + s.model().context()
        + " steps");
    System.out.printf("%-12s %-8s %14s%n", "agent", "context", "steps/s");
    AgentFactory inContext = new InContextAgentFactory(model, s.temperatures(), s.contextPolicies());
    int modelSteps = Math.min(steps, 2000);
    Devices.configureThreads(s.model().intraOpThreads(1));
    AgentThroughput.stepsPerSecond(inContext, bench, 0, Math.min(modelSteps, 200), 0); // warm-up
    for (int ctx : new int[] {1024, 4096}) {
      double sps = AgentThroughput.stepsPerSecond(inContext, bench, ctx, modelSteps, 1);
      System.out.printf("%-12s %-8s %14.0f%n", "model", ctx / 1024 + "k", sps);
    }
    int cells = s.effectiveThreads();
    if (cells > 1) {
      Devices.configureThreads(s.model().intraOpThreads(cells));
      double total = parallelStepsPerSecond(inContext, bench, 1024, modelSteps, cells);
      System.out.printf("%-12s %-8s %14.0f  (%d cells in parallel, %d intra-op thread(s) each,"
          + " total)%n", "model x" + cells, "1k", total, cells, s.model().intraOpThreads(cells));
    }
    for (String name : Baselines.NAMES) {
      if (name.equals(BehaviorData.NAME)) {
        continue;
      }
      AgentFactory f = Baselines.factory(name, s.qLearning(), s.ucbQ(), s.modelBased());
      AgentThroughput.stepsPerSecond(f, bench, 0, Math.max(1, steps / 10), 1); // warm-up
      double sps = AgentThroughput.stepsPerSecond(f, bench, 1000, steps, 2);
      System.out.printf("%-12s %-8s %14.0f%n", name, "-", sps);
    }
    if (noSweep) {
      return 0;
    }
    // The reference sweep includes the model only when it is a real checkpoint.
    Optional<RowModelSource> swept = checkpoint == null ? Optional.empty() : Optional.of(model);
    List<String> ids = TaskSelection.resolve(tasks, suites, s, model.trainingRange());
    List<String> unknown = new ArrayList<>();
    for (String id : ids) {
      try {
        registry.make(id);
      } catch (InvalidInputException e) {
        unknown.add(id);
      }
    }
    if (!unknown.isEmpty()) {
      throw new InvalidInputException("reference sweep: tasks not available in this build: "
          + String.join(", ", unknown) + " (pass --task/--suite, or --no-sweep)");
    }
    Path out = Files.createTempDirectory("icrl-bench-eval");
    try {
      long start = System.nanoTime();
      Devices.configureThreads(s.model().intraOpThreads(s.effectiveThreads()));
      SweepResult r = Sweep.run(new SweepRequest(ids, s, registry::make, swept,
          model.trainingRange(), out), SweepListener.NONE);
      SweepOutputs.write(r, out);
      double secs = (System.nanoTime() - start) / 1e9;
      System.out.printf("reference sweep: %d tasks, %d cells (E=%d, K=%d, %d threads): %.1f s%n",
          r.tasks().size(), r.cells().size(), s.episodes(), s.seeds(), s.effectiveThreads(), secs);
    } finally {
      AtomicFiles.deleteTree(out);
    }
    return 0;
  }

  /** Total steps/s of {@code cells} model agents running at once, one per thread. */
  private static double parallelStepsPerSecond(AgentFactory f, PreparedTask task, int ctx,
      int steps, int cells) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(cells);
    try {
      List<Future<Double>> rates = new ArrayList<>();
      for (int i = 0; i < cells; i++) {
        long seed = 10 + i;
        rates.add(pool.submit(() -> AgentThroughput.stepsPerSecond(f, task, ctx, steps, seed)));
      }
      double total = 0;
      for (Future<Double> r : rates) {
        total += r.get();
      }
      return total;
    } finally {
      pool.shutdownNow();
    }
  }

  /** A dense random MDP (64 states, 5 actions, 3 outcomes each, step limit 200). */
  private static TabularMdp benchMdp() {
    SplittableRandom rng = new SplittableRandom(42);
    TabularMdpBuilder b = TabularMdp.builder(64, 5).name("bench").maxEpisodeSteps(200);
    for (int st = 0; st < 64; st++) {
      b.start(st, 1.0 / 64);
      for (int a = 0; a < 5; a++) {
        b.outcome(st, a, rng.nextInt(64), 0.5, rng.nextDouble(), false);
        b.outcome(st, a, rng.nextInt(64), 0.3, rng.nextDouble(), false);
        b.outcome(st, a, rng.nextInt(64), 0.2, rng.nextDouble(), false);
      }
    }
    return b.build();
  }
}
