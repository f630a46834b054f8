package io.icrl.eval.agent;

import io.icrl.core.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens the in-context model of a training run's checkpoint as a {@link RowModelSource}.
 *
 * <p>Not available yet: the learner's checkpoint format and its incremental inference API are not
 * part of this build. Until they are, asking for a checkpoint is an explicit error, never a silent
 * baselines-only run.
 */
public final class CheckpointModels {
  private CheckpointModels() {}

  /** The model source of {@code checkpoint}; fails while checkpoints cannot be loaded. */
  public static RowModelSource open(Path checkpoint) {
    if (!Files.exists(checkpoint)) {
      throw new InvalidInputException("--checkpoint " + checkpoint + ": no such file or directory");
    }
    throw new InvalidInputException("--checkpoint " + checkpoint + ": evaluating an in-context"
        + " model is not available in this build (the learner's checkpoint loader and incremental"
        + " inference are not integrated yet); run without --checkpoint to evaluate the baselines"
        + " only");
  }
}
