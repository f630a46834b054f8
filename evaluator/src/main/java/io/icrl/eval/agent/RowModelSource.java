package io.icrl.eval.agent;

import io.icrl.eval.task.TrainingTaskRange;
import java.util.Optional;

/**
 * Where in-context models come from: a checkpoint, loaded once and shared by every cell of a sweep.
 * Implementations are thread-safe; each {@link RowModel} they open (one per cell) is used by one
 * thread.
 */
public interface RowModelSource extends AutoCloseable {
  /** A short description for reports (checkpoint path, step). */
  String describe();

  /** The tasks the model was trained on, so held-out evaluation can be enforced. */
  Optional<TrainingTaskRange> trainingRange();

  /** Opens a model with an empty context. */
  RowModel open();

  /** Releases what the source holds (a checkpoint's weights); models it opened must be closed. */
  @Override
  default void close() {}
}
