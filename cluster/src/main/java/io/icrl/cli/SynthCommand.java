package io.icrl.cli;

import io.icrl.synth.SynthJob;
import io.icrl.synth.SynthProgress;
import io.icrl.synth.SynthSettings;
import io.icrl.synth.format.Manifest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code icrl synth --out DIR}: generates a dataset of multi-episode sequences (Arrow shards +
 * manifest), on every core by default, resuming an interrupted run in the same directory.
 */
@Command(name = "synth", mixinStandardHelpOptions = true,
    description = {"Generate training sequences (Arrow shards + manifest.json) into DIR.",
        "Rerunning the same command on an interrupted DIR resumes it."})
final class SynthCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
  Path out;

  @Option(names = "--sequences", paramLabel = "N", description = "Sequences to generate"
      + " (icrl.synth.sequences).")
  Integer sequences;

  @Option(names = "--steps", paramLabel = "L", description = "Rows per sequence"
      + " (icrl.synth.steps).")
  Integer steps;

  @Option(names = "--seed", paramLabel = "S", description = "Root seed (icrl.synth.seed).")
  Long seed;

  @Option(names = "--threads", paramLabel = "T", description = "Worker threads, 0 = every core"
      + " (icrl.synth.threads).")
  Integer threads;

  @Option(names = "--no-progress", description = "Do not draw a progress bar.")
  boolean noProgress;

  @Mixin
  ConfigOptions config;

  @Override
  public Integer call() {
    List<String> extra = new ArrayList<>();
    if (sequences != null) {
      extra.add("icrl.synth.sequences=" + sequences);
    }
    if (steps != null) {
      extra.add("icrl.synth.steps=" + steps);
    }
    if (seed != null) {
      extra.add("icrl.synth.seed=" + seed);
    }
    if (threads != null) {
      extra.add("icrl.synth.threads=" + threads);
    }
    SynthSettings settings = SynthSettings.from(config.load(extra));
    Bar bar = new Bar(!noProgress);
    Manifest m;
    try {
      m = SynthJob.run(settings, out, bar);
    } finally {
      bar.close();
    }
    System.out.printf("%s: %d sequences, %d rows in %d shards (%.1f s, %d threads)%n", out,
        m.sequences(), m.rows(), m.shards().size(), m.wallSeconds(), m.threads());
    return 0;
  }

  /** Renders {@link SynthProgress} as a progress bar with steps/s and ETA on stderr. */
  private static final class Bar implements SynthProgress {
    private final boolean enabled;
    private volatile ProgressBar bar;

    Bar(boolean enabled) {
      this.enabled = enabled;
    }

    @Override
    public void started(long totalRows, long doneRows, int threads) {
      if (doneRows > 0) {
        System.err.printf("resuming: %d of %d rows already written%n", doneRows, totalRows);
      }
      if (enabled) {
        bar = new ProgressBarBuilder().setTaskName("synth (" + threads + " threads)")
            .setInitialMax(totalRows).setUnit(" steps", 1).showSpeed()
            .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).build();
        bar.stepTo(doneRows);
      }
    }

    @Override
    public void rows(long rows) {
      ProgressBar b = bar;
      if (b != null) {
        b.stepBy(rows);
      }
    }

    void close() {
      if (bar != null) {
        bar.close();
      }
    }
  }
}
