package io.icrl.eval.sweep;

/**
 * One played (or, for the behavior data, recorded) episode.
 *
 * @param episode the episode number, from 1
 * @param ret the undiscounted return with the task's true rewards
 * @param score the normalized score of the return
 * @param steps the episode's length
 * @param optimalActionRate the fraction of its steps that took the optimal policy's action
 *     ({@link ActionStats}); NaN if unknown
 * @param repeatRate the fraction of its steps in states the run had acted in before that repeated
 *     the run's most recent action there ({@link ActionStats}); NaN if there were none
 */
public record EpisodeRecord(int episode, double ret, double score, int steps,
    double optimalActionRate, double repeatRate) {

  /** The CSV columns of {@link #appendCsv} (results.csv after its cell columns; cell journals). */
  public static final String CSV_COLUMNS =
      "episode,return,normalized_score,steps,optimal_action_rate,repeat_rate";

  /** Appends this record's CSV fields (no line end), in the order of {@link #CSV_COLUMNS}. */
  public StringBuilder appendCsv(StringBuilder b) {
    return b.append(episode).append(',').append(ret).append(',').append(score).append(',')
        .append(steps).append(',').append(csvNumber(optimalActionRate)).append(',')
        .append(csvNumber(repeatRate));
  }

  /**
   * The record written by {@link #appendCsv}.
   *
   * @throws NumberFormatException if the line does not hold the columns' fields
   */
  public static EpisodeRecord parseCsv(String line) {
    String[] p = line.split(",", -1);
    if (p.length != 6) {
      throw new NumberFormatException(p.length + " fields, expected 6 (" + CSV_COLUMNS + ")");
    }
    return new EpisodeRecord(Integer.parseInt(p[0]), Double.parseDouble(p[1]),
        Double.parseDouble(p[2]), Integer.parseInt(p[3]), parseCsvNumber(p[4]),
        parseCsvNumber(p[5]));
  }

  /** {@code x} as a CSV field: its shortest exact decimal, or empty for NaN (unknown). */
  public static String csvNumber(double x) {
    return Double.isNaN(x) ? "" : Double.toString(x);
  }

  /** The inverse of {@link #csvNumber}: NaN for an empty field. */
  public static double parseCsvNumber(String field) {
    return field.isEmpty() ? Double.NaN : Double.parseDouble(field);
  }
}
