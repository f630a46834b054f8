package io.icrl.eval.report;

import io.icrl.eval.sweep.CellResult;
import io.icrl.eval.sweep.EpisodeRecord;
import io.icrl.eval.sweep.SweepResult;

/** {@code results.csv}: one row per episode, episodes numbered from 1, seeds from 0. */
public final class ResultsCsv {
  /** The header line. */
  public static final String HEADER = "task,mode,agent,seed," + EpisodeRecord.CSV_COLUMNS;

  private ResultsCsv() {}

  /** The file's text, cells in plan order. */
  public static String render(SweepResult result) {
    StringBuilder b = new StringBuilder(HEADER).append('\n');
    for (CellResult c : result.cells()) {
      String prefix = Csv.quote(c.cell().task()) + "," + c.cell().mode().id() + ","
          + Csv.quote(c.cell().agent()) + "," + c.cell().seed() + ",";
      for (EpisodeRecord e : c.episodes()) {
        e.appendCsv(b.append(prefix)).append('\n');
      }
    }
    return b.toString();
  }
}
