package io.icrl.cli;

import com.typesafe.config.Config;
import io.icrl.core.Settings;
import io.icrl.tasks.bench.TaskBench;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code icrl bench tasks}: task sampling, value iteration and env stepping rates. */
@Command(name = "tasks", mixinStandardHelpOptions = true,
    description = "AnyMDP tasks sampled per second, solve time per task, env steps per second"
        + " (one thread).")
final class TasksBenchCommand implements Callable<Integer> {
  @Option(names = "--seconds", description = "Seconds per measurement (default from"
      + " icrl.tasks.bench.seconds).")
  Double seconds;

  @Mixin
  ConfigOptions config;

  @Override
  public Integer call() {
    Config c = config.load(seconds == null ? java.util.List.of()
        : java.util.List.of("icrl.tasks.bench.seconds=" + seconds));
    double secs = Settings.positive(c, "icrl.tasks.bench.seconds");
    System.out.printf("%-52s %16s  %s%n", "benchmark (1 thread)", "value", "unit");
    for (TaskBench.Row r : TaskBench.run(secs)) {
      System.out.printf("%-52s %,16.3f  %s%n", r.name(), r.value(), r.unit());
    }
    return 0;
  }
}
