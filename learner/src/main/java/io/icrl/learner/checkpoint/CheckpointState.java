package io.icrl.learner.checkpoint;

import io.icrl.core.InvalidInputException;
import io.icrl.learner.model.ModelConfig;
import io.icrl.synth.format.TrainingTasks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code state.json} of a checkpoint: where training stands and what it needs to continue
 * exactly. Batch k of a run is drawn from {@code Seeds.rng(seed, "batch", k)}, so the RNG state
 * and the data cursor are both the index of the next batch.
 *
 * @param formatVersion checkpoint layout version ({@link Checkpoint#FORMAT_VERSION} when written)
 * @param step optimizer steps taken
 * @param seed the run's root seed
 * @param nextBatch index of the next batch to draw (the data cursor)
 * @param datasetId identity of the dataset trained on ({@code WindowSource.datasetId()})
 * @param model the model's shape
 * @param trajectory the settings that shape the training trajectory (must match on resume)
 * @param trainingTasks the generated tasks of the dataset ({@code WindowSource.trainingTasks()}),
 *     null when the data did not come from a task generator or, in format version 1 (which did not
 *     record them), when unknown: see {@link #trainingTasksRecorded()}
 * @param dataPhases the datasets trained on, in order (one phase unless the run's data grew on a
 *     resume); the last phase's dataset is {@code datasetId}
 */
public record CheckpointState(int formatVersion, long step, long seed, long nextBatch,
    String datasetId, ModelConfig model, Map<String, Object> trajectory, String icrlVersion,
    String gitCommit, String writtenAt, TrainingTasks trainingTasks, List<DataPhase> dataPhases) {

  public CheckpointState {
    dataPhases = dataPhases == null || dataPhases.isEmpty()
        ? List.of(new DataPhase(0, datasetId)) : List.copyOf(dataPhases);
    if (!dataPhases.get(dataPhases.size() - 1).datasetId().equals(datasetId)) {
      throw new IllegalArgumentException("last data phase " + dataPhases.get(dataPhases.size() - 1)
          + " is not the dataset " + datasetId);
    }
  }

  /** The first format version that records {@code training-tasks}. */
  public static final int TRAINING_TASKS_SINCE = 2;

  /**
   * True when the checkpoint says which generated tasks it was trained on ({@link #trainingTasks()}
   * then is null only for data that came from no task generator); false for checkpoints written
   * before icrl recorded them.
   */
  public boolean trainingTasksRecorded() {
    return formatVersion >= TRAINING_TASKS_SINCE;
  }

  /** The training tasks as written into {@code state.json} and the run manifest. */
  public static Map<String, Object> trainingTasksMap(TrainingTasks t) {
    if (t == null) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("family", t.family());
    m.put("states", t.states());
    m.put("actions", t.actions());
    m.put("params", t.params());
    m.put("seed-start", t.seedStart());
    m.put("seed-count", t.seedCount());
    if (!t.mixed().isEmpty()) {
      m.put("mixed", t.mixed());
    }
    return m;
  }

  private static TrainingTasks trainingTasksOf(Map<?, ?> m) {
    if (m == null) {
      return null;
    }
    return new TrainingTasks((String) m.get("family"), ((Number) m.get("states")).intValue(),
        ((Number) m.get("actions")).intValue(), (String) m.get("params"),
        ((Number) m.get("seed-start")).longValue(), ((Number) m.get("seed-count")).longValue(),
        m.get("mixed") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of());
  }

  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format-version", formatVersion);
    m.put("step", step);
    Map<String, Object> rng = new LinkedHashMap<>();
    rng.put("scheme", "batch k draws from Seeds.rng(seed, \"batch\", k)");
    rng.put("seed", seed);
    rng.put("next-batch", nextBatch);
    m.put("rng", rng);
    m.put("data-cursor", Map.of("next-batch", nextBatch));
    m.put("dataset-id", datasetId);
    m.put("data-phases", DataPhase.toMaps(dataPhases));
    m.put("model", model.toMap());
    m.put("trajectory", trajectory);
    m.put("training-tasks", trainingTasksMap(trainingTasks));
    m.put("icrl-version", icrlVersion);
    m.put("git-commit", gitCommit);
    m.put("written-at", writtenAt);
    return m;
  }

  /** Reads a state written by {@link #toMap()}; {@code where} names the file in errors. */
  @SuppressWarnings("unchecked")
  public static CheckpointState fromMap(Map<String, Object> m, String where) {
    Object v = m.get("format-version");
    if (!(v instanceof Number version)) {
      throw new InvalidInputException(where + ": no format-version; not an icrl checkpoint");
    }
    if (version.intValue() > Checkpoint.FORMAT_VERSION) {
      throw new InvalidInputException(where + ": checkpoint format version " + version
          + " was written by a newer icrl (" + m.get("icrl-version") + "); this build reads"
          + " versions up to " + Checkpoint.FORMAT_VERSION);
    }
    if (version.intValue() < 1) {
      throw new InvalidInputException(where + ": unknown checkpoint format version " + version);
    }
    try {
      Map<String, Object> rng = (Map<String, Object>) m.get("rng");
      return new CheckpointState(version.intValue(), ((Number) m.get("step")).longValue(),
          ((Number) rng.get("seed")).longValue(), ((Number) rng.get("next-batch")).longValue(),
          (String) m.get("dataset-id"),
          ModelConfig.fromMap((Map<?, ?>) m.get("model"), where),
          (Map<String, Object>) m.get("trajectory"), (String) m.get("icrl-version"),
          (String) m.get("git-commit"), (String) m.get("written-at"),
          trainingTasksOf((Map<?, ?>) m.get("training-tasks")),
          m.get("data-phases") instanceof List<?> l ? DataPhase.fromMaps(l, where) : null);
    } catch (ClassCastException | NullPointerException e) {
      throw new InvalidInputException(where + ": malformed checkpoint state (" + e + ")", e);
    }
  }
}
