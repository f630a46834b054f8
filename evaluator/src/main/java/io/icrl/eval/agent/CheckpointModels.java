package io.icrl.eval.agent;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import io.icrl.core.InvalidInputException;
import io.icrl.core.Sha256;
import io.icrl.eval.ModelSettings;
import io.icrl.eval.task.TrainingTaskRange;
import io.icrl.learner.checkpoint.Checkpoint;
import io.icrl.learner.checkpoint.CheckpointState;
import io.icrl.learner.infer.InferSettings;
import io.icrl.learner.model.Devices;
import io.icrl.learner.model.LearnerModel;
import io.icrl.synth.format.Dataset;
import io.icrl.synth.format.Manifest;
import io.icrl.synth.format.TrainingTasks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Opens the in-context model of a training run's checkpoint as a {@link RowModelSource}: the
 * weights are loaded once (frozen) and shared by every cell; each cell gets its own KV cache.
 *
 * <p>The source also says which generated tasks the model was trained on, so an evaluation can
 * refuse them: checkpoints since format version 2 record it; for older ones, {@code trainingData}
 * names the dataset they were trained on (its identity must match the checkpoint's dataset id).
 * Checkpoints trained on {@code synthetic:} data saw no generated task ids and have no range.
 */
public final class CheckpointModels {
  private CheckpointModels() {}

  /**
   * Loads the checkpoint of {@code run} (a run directory or its {@code checkpoint/}).
   *
   * @param settings device, precision, intra-op threads and context of the model
   * @param workers the sweep's worker threads (cells running in parallel), for the thread count
   * @param trainingData the dataset the checkpoint was trained on, needed only for checkpoints
   *     that do not record their training tasks
   */
  public static LearnerModelSource open(Path run, ModelSettings settings, int workers,
      Optional<Path> trainingData) {
    if (!Files.exists(run)) {
      throw new InvalidInputException("--checkpoint " + run + ": no such file or directory");
    }
    Path dir = Checkpoint.locate(run).orElseThrow(() -> new InvalidInputException("--checkpoint "
        + run + ": no checkpoint there (expected " + run.resolve(Checkpoint.DIR) + "/"
        + Checkpoint.STATE + ")"));
    try {
      CheckpointState state = Checkpoint.readState(dir);
      Optional<TrainingTaskRange> range = trainingRange(state, dir, trainingData);
      Devices.configureThreads(settings.intraOpThreads(workers));
      Device device = Devices.choose(settings.device());
      DataType type = Devices.computeType(settings.precision(), device);
      Path params = dir.resolve(Checkpoint.PARAMS);
      String description = "checkpoint " + dir.toAbsolutePath().normalize() + " step "
          + state.step() + " params " + Sha256.ofFile(params).substring(0, 16);
      LearnerModel model = Checkpoint.loadModel(dir, device, type);
      return new LearnerModelSource(model, new InferSettings(settings.context(),
          settings.keepFraction()), description, range);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read checkpoint " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The training tasks of a checkpoint as an evaluation range (empty: no generated tasks). */
  static Optional<TrainingTaskRange> trainingRange(CheckpointState state, Path dir,
      Optional<Path> trainingData) {
    TrainingTasks tasks;
    if (trainingData.isPresent()) {
      Path data = trainingData.get();
      Manifest m = Manifest.read(data);
      String id = Dataset.identity(m);
      if (!id.equals(state.datasetId())) {
        throw new InvalidInputException("--training-data " + data + " is dataset " + id
            + ", but checkpoint " + dir + " was trained on dataset " + state.datasetId());
      }
      tasks = TrainingTasks.of(m).orElseThrow(() -> new InvalidInputException("--training-data "
          + data + ": its manifest does not say which tasks it was generated on"));
    } else if (state.trainingTasksRecorded()) {
      tasks = state.trainingTasks();
    } else if (state.datasetId() != null && state.datasetId().startsWith("synthetic:")) {
      tasks = null;
    } else {
      throw new InvalidInputException("checkpoint " + dir + " (format version "
          + state.formatVersion() + ") does not record which tasks it was trained on (dataset "
          + state.datasetId() + "), so held-out evaluation cannot be enforced: pass"
          + " --training-data DIR naming that dataset, or continue its training with this icrl"
          + " (--resume) to write a checkpoint that records them");
    }
    if (tasks == null) {
      return Optional.empty();
    }
    List<String> families = tasks.families();
    return Optional.of(new TrainingTaskRange(tasks.family(), tasks.seedStart(), tasks.seedCount(),
        tasks.states(), tasks.actions(), families.subList(1, families.size())));
  }

}
