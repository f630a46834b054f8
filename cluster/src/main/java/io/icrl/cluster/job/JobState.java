package io.icrl.cluster.job;

/** Life cycle of a job. */
public enum JobState {
  /** The coordinator does not know the job. */
  UNKNOWN,
  /** Units are pending or running. */
  RUNNING,
  /** Every unit is done. */
  COMPLETED,
  /** Every unit is settled and at least one failed. */
  FAILED,
  /** Cancelled by a user; pending units were dropped. */
  CANCELLED;

  /** Whether the job will not change any more. */
  public boolean terminal() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }

  /** Lower-case name used in manifests and output. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
