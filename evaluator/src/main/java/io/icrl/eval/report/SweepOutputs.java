package io.icrl.eval.report;

import io.icrl.core.AtomicFiles;
import io.icrl.eval.sweep.SweepResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a finished sweep's outputs atomically: {@code results.csv}, {@code summary.json}, PNG plots
 * under {@code plots/}, and {@code report.md} last (so a report always has its plots).
 */
public final class SweepOutputs {
  private SweepOutputs() {}

  /** Writes every output under {@code outDir}; returns the plot paths (relative). */
  public static List<String> write(SweepResult result, Path outDir) throws IOException {
    AtomicFiles.writeString(outDir.resolve("results.csv"), ResultsCsv.render(result));
    AtomicFiles.writeString(outDir.resolve("summary.json"), SummaryJson.render(result));
    List<String> plots = ScorePlots.write(result, outDir);
    AtomicFiles.writeString(outDir.resolve("report.md"), ReportMarkdown.render(result));
    return plots;
  }
}
