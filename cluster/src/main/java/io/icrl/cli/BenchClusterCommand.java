package io.icrl.cli;

import io.icrl.cluster.bench.ClusterBench;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code icrl bench cluster}: shard streaming throughput between two JVMs over loopback and synth
 * steps/s with one vs two worker JVMs (see {@link ClusterBench}); prints a table.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
    description = {"Benchmark the cluster: Arrow shard streaming between two JVMs (loopback) and",
        "synthesis steps/s with one vs two synth worker JVMs. Starts child JVMs; takes ~1 min."})
final class BenchClusterCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--shard-mb", description = "Size of the streamed shard in MB (default 64).")
  int shardMb = 64;

  @Option(names = "--repeats", description = "Measured transfers of the shard (default 3).")
  int repeats = 3;

  @Option(names = "--units", description = "Units of each measured synth job (default 16).")
  int units = 16;

  @Option(names = "--sequences-per-unit", description = "Sequences per unit (default 4).")
  int sequencesPerUnit = 4;

  @Option(names = "--steps", description = "Rows per sequence (default 50000).")
  int steps = 50_000;

  @Option(names = "--states", description = "States of the random MDPs (default 16).")
  int states = 16;

  @Option(names = "--only", paramLabel = "PART",
      description = "Run one part only: streaming or synthesis.")
  String only;

  @Option(names = "--child-jvm-option", paramLabel = "OPTION",
      description = "Extra JVM option of the child nodes (repeatable).")
  List<String> childJvmOptions = new java.util.ArrayList<>();

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Setting for this JVM and the child nodes, e.g."
          + " icrl.cluster.stream.chunk-bytes=200000 (repeatable).")
  List<String> sets = new java.util.ArrayList<>();

  @Override
  public Integer call() throws Exception {
    if (only != null && !only.equals("streaming") && !only.equals("synthesis")) {
      throw new io.icrl.core.InvalidInputException("--only " + only
          + ": expected streaming or synthesis");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path work = Files.createTempDirectory("icrl-bench-cluster");
    List<ClusterBench.Row> rows = new ClusterBench(work, sets, line -> {
      err.println(line);
      err.flush();
    }).withChildJvmOptions(childJvmOptions).run(new ClusterBench.Options(shardMb, repeats, units, sequencesPerUnit, steps, states,
        only == null || only.equals("streaming"), only == null || only.equals("synthesis")));
    Files.deleteIfExists(work);
    out.printf("%n%-44s %14s  %-8s %s%n", "benchmark", "value", "unit", "notes");
    for (ClusterBench.Row r : rows) {
      out.printf("%-44s %,14.0f  %-8s %s%n", r.name(), r.value(), r.unit(), r.note());
    }
    out.printf("(%d cores, load average %.1f)%n", Runtime.getRuntime().availableProcessors(),
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()
            .getSystemLoadAverage());
    out.flush();
    return 0;
  }
}
