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

  /** {@code x} as a CSV field: its shortest exact decimal, or empty for NaN (unknown). */
  public static String csvNumber(double x) {
    return Double.isNaN(x) ? "" : Double.toString(x);
  }

  /** The inverse of {@link #csvNumber}: NaN for an empty field. */
  public static double parseCsvNumber(String field) {
    return field.isEmpty() ? Double.NaN : Double.parseDouble(field);
  }
}
