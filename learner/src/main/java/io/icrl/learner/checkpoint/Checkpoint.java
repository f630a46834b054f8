package io.icrl.learner.checkpoint;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.icrl.core.AtomicFiles;
import io.icrl.core.InvalidInputException;
import io.icrl.learner.model.LearnerModel;
import io.icrl.learner.train.AdamW;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run's checkpoint: {@code RUN/checkpoint/} holding {@code model.params} (DJL parameters), {@code
 * optimizer.bin} (AdamW moments and step) and {@code state.json} ({@link CheckpointState}).
 *
 * <p>Writing is crash-safe: the files go to a fresh temporary directory (each fsynced), the old
 * checkpoint is renamed to {@code checkpoint.old}, the new one renamed into place, then the old one
 * deleted. A kill at any point leaves a complete {@code checkpoint} or {@code checkpoint.old},
 * which {@link #locate} finds.
 */
public final class Checkpoint {
  /**
   * Layout version written by this build; older versions are read (migrated) when possible.
   * Version 2 added {@code training-tasks} to {@code state.json}.
   */
  public static final int FORMAT_VERSION = 2;
  public static final String DIR = "checkpoint";
  public static final String PARAMS = "model.params";
  public static final String OPTIMIZER = "optimizer.bin";
  public static final String STATE = "state.json";
  /** Every file of a checkpoint directory: what training needs to resume. */
  public static final List<String> FILES = List.of(PARAMS, OPTIMIZER, STATE);
  /** The files of a checkpoint directory that inference needs: weights and state. */
  public static final List<String> WEIGHTS = List.of(PARAMS, STATE);
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Checkpoint() {}

  /** Writes a checkpoint of {@code model}, {@code optimizer} and {@code state} into {@code run}. */
  public static Path write(Path run, LearnerModel model, AdamW optimizer, CheckpointState state)
      throws IOException {
    Files.createDirectories(run);
    Path tmp = run.resolve("." + DIR + ".tmp-" + ProcessHandle.current().pid());
    AtomicFiles.deleteTree(tmp);
    Files.createDirectories(tmp);
    AtomicFiles.write(tmp.resolve(PARAMS), out -> model.saveParameters(out));
    AtomicFiles.write(tmp.resolve(OPTIMIZER),
        out -> optimizer.save(new DataOutputStream(new BufferedOutputStream(out))));
    AtomicFiles.writeString(tmp.resolve(STATE), JSON.writeValueAsString(state.toMap()));
    Path target = run.resolve(DIR);
    Path old = run.resolve(DIR + ".old");
    if (Files.exists(target)) {
      AtomicFiles.deleteTree(old);
      AtomicFiles.moveAtomically(target, old);
    }
    AtomicFiles.moveAtomically(tmp, target);
    AtomicFiles.deleteTree(old);
    return target;
  }

  /** The checkpoint directory of {@code run} ({@code checkpoint}, else a leftover {@code .old}). */
  public static Optional<Path> locate(Path run) {
    for (String name : new String[] {DIR, DIR + ".old"}) {
      Path d = run.resolve(name);
      if (Files.isRegularFile(d.resolve(STATE)) && Files.isRegularFile(d.resolve(PARAMS))
          && Files.isRegularFile(d.resolve(OPTIMIZER))) {
        return Optional.of(d);
      }
    }
    if (Files.isRegularFile(run.resolve(STATE)) && Files.isRegularFile(run.resolve(PARAMS))) {
      return Optional.of(run); // given the checkpoint directory itself
    }
    return Optional.empty();
  }

  /** Reads {@code state.json} of checkpoint directory {@code dir}. */
  public static CheckpointState readState(Path dir) throws IOException {
    Path file = dir.resolve(STATE);
    Map<String, Object> m;
    try {
      m = JSON.readValue(file.toFile(), new TypeReference<Map<String, Object>>() {});
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new InvalidInputException(file + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
    }
    return CheckpointState.fromMap(m, file.toString());
  }

  /** Restores the optimizer state of checkpoint {@code dir}. */
  public static void restoreOptimizer(Path dir, AdamW optimizer) throws IOException {
    Path file = dir.resolve(OPTIMIZER);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      optimizer.load(new DataInputStream(in), file.toString());
    }
  }

  /**
   * Loads the model of a run directory or checkpoint directory for inference (the evaluator's
   * entry point); the model config comes from the checkpoint.
   */
  public static LearnerModel loadModel(Path runOrCheckpoint, Device device, DataType computeType)
      throws IOException {
    Path dir = locate(runOrCheckpoint).orElseThrow(() -> new InvalidInputException(
        "no checkpoint in " + runOrCheckpoint + " (expected " + DIR + "/" + STATE + ")"));
    CheckpointState state = readState(dir);
    return LearnerModel.load(state.model(), dir.resolve(PARAMS), device, computeType);
  }

  /**
   * Copies {@code files} of checkpoint directory {@code from} into directory {@code to},
   * crash-safely: each file is fsynced into a temporary sibling directory, which replaces {@code
   * to} by a rename. A kill leaves the previous {@code to} or none, and a {@code .tmp-} sibling.
   */
  public static void copy(Path from, Path to, List<String> files) throws IOException {
    Path parent = to.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = parent.resolve("." + to.getFileName() + ".tmp-" + ProcessHandle.current().pid());
    AtomicFiles.deleteTree(tmp);
    Files.createDirectories(tmp);
    for (String name : files) {
      Path src = from.resolve(name);
      AtomicFiles.write(tmp.resolve(name), out -> Files.copy(src, out));
    }
    AtomicFiles.deleteTree(to);
    AtomicFiles.moveAtomically(tmp, to);
  }
}
