package io.icrl.eval.agent;

import io.icrl.eval.task.TrainingTaskRange;
import java.util.Optional;

/**
 * Where in-context models come from: a checkpoint, opened once per worker run. Implementations are
 * thread-safe; each {@link RowModel} they open is used by one thread.
 */
public interface RowModelSource {
  /** A short description for reports (checkpoint path, step). */
  String describe();

  /** The tasks the model was trained on, so held-out evaluation can be enforced. */
  Optional<TrainingTaskRange> trainingRange();

  /** Opens a model with an empty context. */
  RowModel open();
}
