package io.icrl.cli;

import io.icrl.synth.bench.SynthBench;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code icrl bench synth}: data-synthesis and Arrow throughput table. */
@Command(name = "synth", mixinStandardHelpOptions = true,
    description = "Steps/s per core of synthesis (uniform random policy; full behavior mixture)"
        + " and Arrow write/read MB/s.")
final class SynthBenchCommand implements Callable<Integer> {
  @Option(names = "--states", split = ",", defaultValue = "16,128",
      description = "State counts (default: ${DEFAULT-VALUE}).")
  List<Integer> states;

  @Option(names = "--rows", defaultValue = "1000000",
      description = "Rows per sequence (default: ${DEFAULT-VALUE}).")
  int rows;

  @Option(names = "--sequences", defaultValue = "3",
      description = "Sequences per measurement (default: ${DEFAULT-VALUE}).")
  int sequences;

  @Option(names = "--work-dir", defaultValue = "${java.io.tmpdir}",
      description = "Scratch directory for the Arrow measurements (default: ${DEFAULT-VALUE}).")
  Path workDir;

  @Mixin
  ConfigOptions config;

  @Override
  public Integer call() throws Exception {
    List<SynthBench.Row> result = SynthBench.run(new SynthBench.Options(states, rows, sequences,
        config.load(), workDir));
    System.out.printf("%-44s %14s  %-13s %s%n", "benchmark (1 thread)", "value", "unit", "note");
    for (SynthBench.Row r : result) {
      System.out.printf("%-44s %,14.1f  %-13s %s%n", r.name(), r.value(), r.unit(), r.note());
    }
    return 0;
  }
}
