package io.icrl.cli;

import java.io.PrintStream;
import java.time.Duration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Terminal progress bars (rate and ETA) on standard error, so stdout stays machine-readable. */
public final class Progress {
  private Progress() {}

  /** A progress bar over {@code total} units named {@code unit} (e.g. "tasks", "steps"). */
  public static ProgressBar bar(String task, long total, String unit) {
    PrintStream err = System.err;
    return new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(total)
        .setUnit(" " + unit, 1)
        .showSpeed()
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(500)
        .setSpeedUnit(java.time.temporal.ChronoUnit.SECONDS)
        .setMaxRenderedLength(100)
        .setConsumer(new ConsoleProgressBarConsumer(err))
        .continuousUpdate()
        .setEtaFunction(state -> java.util.Optional.of(etaOf(state)))
        .build();
  }

  private static Duration etaOf(me.tongfei.progressbar.ProgressState state) {
    long done = state.getCurrent() - state.getStart();
    long left = state.getMax() - state.getCurrent();
    Duration elapsed = Duration.between(state.getStartInstant(), java.time.Instant.now());
    if (done <= 0) {
      return Duration.ZERO;
    }
    return elapsed.multipliedBy(Math.max(0, left)).dividedBy(done);
  }
}
