package io.icrl.learner.checkpoint;

import ai.djl.engine.Engine;
import io.icrl.core.AtomicFiles;
import io.icrl.core.BuildInfo;
import io.icrl.synth.format.TrainingTasks;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code RUN/manifest.json}: what a training run is (config, seed, dataset, versions, git commit,
 * device), written when the run starts or resumes.
 */
public final class RunManifest {
  public static final String FILE = "manifest.json";

  private RunManifest() {}

  /**
   * Writes the manifest of {@code run}.
   *
   * @param data the {@code --data} argument (a dataset directory or a synthetic spec)
   * @param trainingTasks the generated tasks of the data, null if none
   */
  public static void write(Path run, Map<String, Object> config, long seed, String data,
      String datasetId, TrainingTasks trainingTasks, String device, long parameters,
      Long resumedFromStep) throws IOException {
    write(run, config, seed, data, datasetId, trainingTasks, device, parameters, resumedFromStep,
        null, null);
  }

  /**
   * Writes the manifest of {@code run}, recording under {@code data-refresh} how the training data
   * was refreshed while training ran (null: it was not; the entry is then absent) and under
   * {@code data-phases} which datasets it trained on from which step (null or a single phase: the
   * entry is absent).
   */
  public static void write(Path run, Map<String, Object> config, long seed, String data,
      String datasetId, TrainingTasks trainingTasks, String device, long parameters,
      Long resumedFromStep, Map<String, Object> dataRefresh, List<DataPhase> dataPhases)
      throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", "icrl-learner-run");
    m.put("checkpoint-format-version", Checkpoint.FORMAT_VERSION);
    m.put("seed", seed);
    m.put("data", data);
    m.put("dataset-id", datasetId);
    if (dataPhases != null && dataPhases.size() > 1) {
      m.put("data-phases", DataPhase.toMaps(dataPhases));
    }
    m.put("training-tasks", CheckpointState.trainingTasksMap(trainingTasks));
    m.put("device", device);
    m.put("parameters", parameters);
    if (resumedFromStep != null) {
      m.put("resumed-from-step", resumedFromStep);
    }
    if (dataRefresh != null) {
      m.put("data-refresh", dataRefresh);
    }
    Map<String, Object> versions = new LinkedHashMap<>();
    versions.put("icrl", BuildInfo.version());
    versions.put("git-commit", BuildInfo.gitCommit());
    versions.put("djl", Engine.getDjlVersion());
    versions.put("engine", Engine.getEngine("PyTorch").getEngineName() + " "
        + Engine.getEngine("PyTorch").getVersion());
    versions.put("java", System.getProperty("java.version"));
    m.put("versions", versions);
    m.put("written-at", Instant.now().toString());
    m.put("config", config);
    AtomicFiles.writeString(run.resolve(FILE), Checkpoint.JSON.writeValueAsString(m));
  }
}
