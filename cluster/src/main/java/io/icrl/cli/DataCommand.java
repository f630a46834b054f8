package io.icrl.cli;

import io.icrl.core.InvalidInputException;
import io.icrl.synth.SynthSettings;
import io.icrl.synth.format.Dataset;
import io.icrl.synth.format.DatasetStats;
import io.icrl.synth.format.Manifest;
import io.icrl.synth.format.ShardFile;
import io.icrl.synth.format.Tag;
import io.icrl.synth.format.TrajectorySchema;
import io.icrl.synth.format.WindowSource;
import java.nio.file.Files;
import java.nio.file.Path;
import io.icrl.synth.format.SequenceEntry;
import io.icrl.synth.format.ShardEntry;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code icrl data ...}: look at generated datasets. */
@Command(name = "data", mixinStandardHelpOptions = true,
    description = "Inspect generated trajectory datasets.",
    subcommands = {DataCommand.Inspect.class})
final class DataCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }

  /** {@code icrl data inspect PATH}. */
  @Command(name = "inspect", mixinStandardHelpOptions = true,
      description = {"Print schema, metadata, counts and per-tag statistics of a dataset directory"
          + " (verifying every checksum) or of one .arrow shard."})
  static final class Inspect implements Callable<Integer> {
    @Parameters(paramLabel = "PATH", description = "Dataset directory or .arrow shard file.")
    Path path;

    @Override
    public Integer call() {
      WindowSource source;
      Map<String, String> metadata;
      if (Files.isDirectory(path)) {
        Dataset d = Dataset.open(path, true);
        Manifest m = d.manifest();
        System.out.printf("dataset %s%n  format %s v%d, icrl %s (commit %s)%n", path, m.format(),
            m.formatVersion(), m.icrlVersion(), m.gitCommit());
        System.out.printf("  root seed %d, task family %s, task seeds [%d, %d)%n", m.rootSeed(),
            m.taskFamily(), m.taskSeedStart(), m.taskSeedStart() + m.taskSeedCount());
        System.out.printf("  %d shards, generated with %d threads in %.1f s (%s .. %s)%n",
            m.shards().size(), m.threads(), m.wallSeconds(), m.startedAt(), m.finishedAt());
        System.out.println("  checksums: all verified");
        printTaskKinds(m);
        metadata = d.shards().isEmpty() ? Map.of() : d.shards().get(0).metadata();
        source = d;
      } else if (Files.isRegularFile(path)) {
        ShardFile f = ShardFile.open(path);
        System.out.printf("shard %s (%d bytes; checksums need the manifest)%n", path, f.bytes());
        metadata = f.metadata();
        source = f;
      } else {
        throw new InvalidInputException("no such dataset directory or shard file: " + path);
      }
      printSchema(metadata);
      DatasetStats st = DatasetStats.of(source);
      System.out.printf("%ncounts%n  sequences %d, rows %d, action rows %d, complete episodes %d"
          + " (%d terminated, %d truncated), max states %d, max actions %d%n", st.sequences,
          st.rows, st.actionRows, st.episodes(), st.terminatedEpisodes, st.truncatedEpisodes,
          source.maxStates(), source.maxActions());
      System.out.printf("  labelled action rows %d, label agreement (behavior action == label):"
          + " %.4f%n", st.labelledRows, st.agreementRate());
      System.out.printf("%nper behavior tag%n  %-5s %12s %8s %10s %10s %10s %12s%n", "tag",
          "actions", "share", "agreement", "reward/st", "episodes", "mean return");
      for (Tag t : Tag.values()) {
        int c = t.ordinal();
        if (st.tagActions[c] == 0 && st.tagEpisodes[c] == 0) {
          continue;
        }
        System.out.printf("  %-5s %12d %8.4f %10.4f %10.4f %10d %12.4f%n",
            t.name().toLowerCase(), st.tagActions[c], (double) st.tagActions[c] / st.actionRows,
            st.agreementRate(c),
            st.tagRewards[c] / Math.max(1, st.tagActions[c]), st.tagEpisodes[c],
            st.tagEpisodes[c] == 0 ? Double.NaN : st.tagEpisodeReturns[c] / st.tagEpisodes[c]);
      }
      System.out.printf("%nprompts (action rows)%n");
      for (int k = 0; k < SynthSettings.ReferenceSettings.PROMPTS; k++) {
        if (st.promptActions[k] > 0) {
          System.out.printf("  %-4s %12d%n", SynthSettings.ReferenceSettings.promptKey(k),
              st.promptActions[k]);
        }
      }
      source.close();
      return 0;
    }

    /** Sequences per task kind (the id without its seed), when more than one kind was used. */
    private static void printTaskKinds(Manifest m) {
      Map<String, Integer> kinds = new TreeMap<>();
      int total = 0;
      for (ShardEntry shard : m.shards()) {
        for (SequenceEntry e : shard.sequences()) {
          kinds.merge(withoutSeed(e.taskId()), 1, Integer::sum);
          total++;
        }
      }
      if (kinds.size() > 1) {
        System.out.printf("  tasks:%n");
        for (Map.Entry<String, Integer> k : kinds.entrySet()) {
          System.out.printf("    %-48s %8d sequences (%.3f)%n", k.getKey(), k.getValue(),
              (double) k.getValue() / total);
        }
      }
    }

    /** {@code family:a=1,seed=7,b=2} without its seed parameter: {@code family:a=1,b=2}. */
    static String withoutSeed(String taskId) {
      int colon = taskId.indexOf(':');
      if (colon < 0) {
        return taskId;
      }
      String params = Arrays.stream(taskId.substring(colon + 1).split(","))
          .filter(p -> !p.startsWith("seed=")).collect(Collectors.joining(","));
      return taskId.substring(0, colon) + (params.isEmpty() ? "" : ":" + params);
    }

    private static void printSchema(Map<String, String> metadata) {
      System.out.printf("%nschema%n");
      TrajectorySchema.FIELDS.forEach(f -> System.out.printf("  %-13s %s%s%n", f.getName(),
          f.getType(), f.isNullable() ? "" : " not null"));
      System.out.printf("%nmetadata%n");
      metadata.forEach((k, v) -> {
        if (!k.equals(TrajectorySchema.KEY_SEQUENCES)) {
          System.out.printf("  %s = %s%n", k, v.length() > 400 ? v.substring(0, 400) + "..." : v);
        }
      });
    }
  }
}
