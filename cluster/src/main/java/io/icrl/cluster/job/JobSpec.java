package io.icrl.cluster.job;

import io.icrl.cluster.serialization.ClusterMessage;
import io.icrl.core.InvalidInputException;

/**
 * What a job computes: task seeds {@code [seedStart, seedStart + seedCount)} times sequences
 * {@code [0, sequencesPerTask)}, cut into units of at most {@code seedsPerUnit x
 * sequencesPerUnit}.
 *
 * @param jobId unique job name (letters, digits, '-', '_', '.')
 * @param kind which executor runs the units (e.g. "synth", "eval", "checksum")
 * @param seedStart first task seed
 * @param seedCount number of task seeds
 * @param sequencesPerTask sequences (episodes or histories) per task seed
 * @param seedsPerUnit task seeds per unit
 * @param sequencesPerUnit sequences per unit
 * @param maxAttempts how often a unit may be tried before it counts as failed
 * @param outputDir directory of the job's outputs and its job-manifest.json ("" for no manifest)
 * @param payload executor-specific settings (e.g. a HOCON block), passed to every unit
 */
public record JobSpec(String jobId, String kind, long seedStart, int seedCount,
    int sequencesPerTask, int seedsPerUnit, int sequencesPerUnit, int maxAttempts,
    String outputDir, String payload) implements ClusterMessage {

  public JobSpec {
    if (jobId == null || !jobId.matches("[A-Za-z0-9_.-]{1,100}")) {
      throw new InvalidInputException("job id '" + jobId + "': expected 1..100 letters, digits,"
          + " '_', '-' or '.'");
    }
    if (kind == null || kind.isBlank()) {
      throw new InvalidInputException("job " + jobId + ": kind must not be empty");
    }
    positive(jobId, "seed count", seedCount);
    positive(jobId, "sequences per task", sequencesPerTask);
    positive(jobId, "seeds per unit", seedsPerUnit);
    positive(jobId, "sequences per unit", sequencesPerUnit);
    positive(jobId, "max attempts", maxAttempts);
    if (seedStart > Long.MAX_VALUE - seedCount) {
      throw new InvalidInputException("job " + jobId + ": seed range overflows");
    }
    outputDir = outputDir == null ? "" : outputDir;
    payload = payload == null ? "" : payload;
  }

  /** Reads the job described under {@code icrl.cluster.job}. */
  public static JobSpec from(com.typesafe.config.Config c) {
    String p = "icrl.cluster.job.";
    return new JobSpec(io.icrl.core.Settings.string(c, p + "id"),
        io.icrl.core.Settings.string(c, p + "kind"),
        io.icrl.core.Settings.longValue(c, p + "seed-start"),
        io.icrl.core.Settings.positiveInt(c, p + "seed-count"),
        io.icrl.core.Settings.positiveInt(c, p + "sequences-per-task"),
        io.icrl.core.Settings.positiveInt(c, p + "seeds-per-unit"),
        io.icrl.core.Settings.positiveInt(c, p + "sequences-per-unit"),
        io.icrl.core.Settings.positiveInt(c, p + "max-attempts"),
        io.icrl.core.Settings.string(c, p + "output-dir"),
        io.icrl.core.Settings.string(c, p + "payload"));
  }

  /** Number of units the job splits into. */
  public int unitCount() {
    long n = (long) ceilDiv(seedCount, seedsPerUnit) * ceilDiv(sequencesPerTask, sequencesPerUnit);
    if (n > 10_000_000) {
      throw new InvalidInputException("job " + jobId + " would have " + n + " units; use larger"
          + " units (seeds per unit, sequences per unit)");
    }
    return (int) n;
  }

  static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }

  private static void positive(String job, String what, int v) {
    if (v <= 0) {
      throw new InvalidInputException("job " + job + ": " + what + " = " + v
          + ", expected a positive integer");
    }
  }
}
