package io.icrl.cli;

import io.icrl.learner.LearnerSettings;
import io.icrl.learner.bench.TrainBench;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code icrl bench train}: training tokens/s of the configured preset (local by default). */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Measure training throughput (tokens/s) and peak memory.")
final class BenchTrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ConfigOptions config;

  @Override
  public Integer call() {
    TrainBench.Result r = TrainBench.run(LearnerSettings.from(config.load()));
    PrintWriter o = spec.commandLine().getOut();
    o.printf("%-10s %-7s %-8s %-6s %-6s %-6s %-10s %-8s %-12s %-10s%n", "device", "threads",
        "layers", "width", "window", "batch", "params", "steps", "tokens/s", "peak MiB");
    o.printf("%-10s %-7d %-8d %-6d %-6d %-6d %-10d %-8d %-12.0f %-10.0f%n", r.device(),
        r.threads(), r.layers(), r.dModel(), r.window(), r.batch(), r.parameters(), r.steps(),
        r.tokensPerSecond(), r.peakMiB());
    o.flush();
    return 0;
  }
}
