package io.icrl.cli;

import picocli.CommandLine.Command;

/** {@code icrl bench ...}: throughput benchmarks that print a table. */
@Command(name = "bench", description = "Run throughput benchmarks and print a table.",
    mixinStandardHelpOptions = true, subcommands = {TasksBenchCommand.class, SynthBenchCommand.class,
        BenchTrainCommand.class, BenchInferCommand.class, BenchEvalCommand.class,
        BenchClusterCommand.class})
final class BenchCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }
}
