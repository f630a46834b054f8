package io.icrl.cluster.job;

/** Life cycle of a work unit. */
public enum UnitState {
  /** Waiting for a worker. */
  PENDING,
  /** Handed to a worker, not yet acknowledged as done. */
  RUNNING,
  /** Completed; its result is recorded. */
  DONE,
  /** Failed on every allowed attempt. */
  FAILED;

  /** Lower-case name used in manifests and metric labels. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
