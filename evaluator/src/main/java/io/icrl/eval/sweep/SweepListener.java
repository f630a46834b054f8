package io.icrl.eval.sweep;

/** Progress of a sweep, called on the thread that runs {@link Sweep#run}. */
public interface SweepListener {
  /** No progress reporting. */
  SweepListener NONE = new SweepListener() {};

  /** The tasks are being prepared (models solved or estimated, references computed). */
  default void preparing(int tasks) {}

  /** The plan has {@code total} cells, {@code alreadyDone} of which a previous run finished. */
  default void planned(int total, int alreadyDone) {}

  /** A cell finished; {@code done} of {@code total} cells are finished now. */
  default void cellFinished(Cell cell, int done, int total) {}

  /** Output files are being written. */
  default void writingOutputs() {}
}
