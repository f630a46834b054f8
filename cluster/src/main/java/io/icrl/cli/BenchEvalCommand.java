package io.icrl.cli;

import io.icrl.core.InvalidInputException;
import io.icrl.eval.EvalSettings;
import io.icrl.eval.TaskSelection;
import io.icrl.eval.agent.AgentFactory;
import io.icrl.eval.agent.CheckpointModels;
import io.icrl.eval.agent.InContextAgentFactory;
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
import io.icrl.tasks.TabularTask;
import io.icrl.tasks.TaskRegistry;
import io.icrl.tasks.mdp.TabularMdp;
import io.icrl.tasks.mdp.TabularMdpBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code icrl bench eval}: agent steps/s (the in-context model at contexts of 1k and 4k rows, and
 * the baselines) and the wall time of a reference sweep (default: the configured default suites
 * with the configured E and K).
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Agent steps/s (model at contexts 1k and 4k, baselines) and the wall time of a"
        + " reference evaluation sweep.")
final class BenchEvalCommand implements Callable<Integer> {
  @Mixin
  ConfigOptions config = new ConfigOptions();

  @Option(names = "--checkpoint", paramLabel = "RUN", description = "In-context model to measure.")
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
    EvalSettings s = EvalSettings.fromConfig(config.load());
    Optional<RowModelSource> model = checkpoint == null ? Optional.empty()
        : Optional.of(CheckpointModels.open(checkpoint));
    PreparedTask bench = PreparedTask.prepare(new TabularTask("bench-mdp:states=64,actions=5",
        benchMdp()), s.references(), s.rootSeed());
    System.out.printf("%-12s %-8s %14s%n", "agent", "context", "steps/s");
    if (model.isPresent()) {
      AgentFactory f = new InContextAgentFactory(model.get(), s.temperature());
      for (int ctx : new int[] {1024, 4096}) {
        double sps = AgentThroughput.stepsPerSecond(f, bench, ctx, Math.min(steps, 2000), 1);
        System.out.printf("%-12s %-8s %14.0f%n", "model", ctx / 1024 + "k", sps);
      }
    } else {
      System.out.printf("%-12s %-8s %14s%n", "model", "1k/4k",
          "n/a (no --checkpoint)");
    }
    for (String name : Baselines.NAMES) {
      if (name.equals(BehaviorData.NAME)) {
        continue;
      }
      AgentFactory f = Baselines.factory(name, s.qLearning(), s.ucbQ());
      AgentThroughput.stepsPerSecond(f, bench, 0, Math.max(1, steps / 10), 1); // warm-up
      double sps = AgentThroughput.stepsPerSecond(f, bench, 1000, steps, 2);
      System.out.printf("%-12s %-8s %14.0f%n", name, "-", sps);
    }
    if (noSweep) {
      return 0;
    }
    List<String> ids = TaskSelection.resolve(tasks, suites, s, Optional.empty());
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
      SweepResult r = Sweep.run(new SweepRequest(ids, s, registry::make, model, Optional.empty(),
          out), SweepListener.NONE);
      SweepOutputs.write(r, out);
      double secs = (System.nanoTime() - start) / 1e9;
      System.out.printf("reference sweep: %d tasks, %d cells (E=%d, K=%d, %d threads): %.1f s%n",
          r.tasks().size(), r.cells().size(), s.episodes(), s.seeds(), s.effectiveThreads(), secs);
    } finally {
      try (Stream<Path> walk = Files.walk(out)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
    return 0;
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
