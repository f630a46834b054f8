package io.icrl.cli;

import io.icrl.learner.LearnerSettings;
import io.icrl.learner.bench.InferBench;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code icrl bench infer}: cached inference steps/s at each context length vs recomputing. */
@Command(name = "infer", mixinStandardHelpOptions = true,
    description = "Measure step-by-step inference (KV cache) against full recomputation.")
final class BenchInferCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ConfigOptions config;

  @Override
  public Integer call() {
    InferBench.Result r = InferBench.run(LearnerSettings.from(config.load()));
    PrintWriter o = spec.commandLine().getOut();
    o.printf("device %s, %d threads, %d layers x %d, %,d parameters%n", r.device(), r.threads(),
        r.layers(), r.dModel(), r.parameters());
    o.printf("%-8s %-16s %-18s %-8s%n", "context", "cached steps/s", "recompute steps/s",
        "speedup");
    for (InferBench.Row row : r.rows()) {
      o.printf("%-8d %-16.1f %-18.2f %-8.1f%n", row.context(), row.cachedStepsPerSecond(),
          row.recomputeStepsPerSecond(), row.speedup());
    }
    o.printf("peak memory %.0f MiB%n", r.peakMiB());
    o.flush();
    return 0;
  }
}
