package io.icrl.learner.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.icrl.core.AtomicFiles;
import io.icrl.core.BuildInfo;
import io.icrl.core.InvalidInputException;
import io.icrl.core.Sha256;
import io.icrl.learner.train.MetricsLog;
import io.icrl.synth.format.Dataset;
import io.icrl.synth.format.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Packages a training run's checkpoint as a model directory to ship: {@code OUT/checkpoint/} (the
 * checkpoint files, so {@code icrl eval --checkpoint OUT} and {@code icrl train --resume} both work)
 * and {@code OUT/model-manifest.json}, which says where the model came from: the recipe file and
 * its hash, the seeds, the dataset's identity and generation settings, the training steps and
 * tokens, and the final losses (means over the last logged steps).
 *
 * <p>The checkpoint is copied with {@link Checkpoint#copy} (fsynced, renamed into place), so an
 * interrupted export leaves either the previous checkpoint or the new one.
 */
public final class ModelExport {
  /** The manifest's file name inside a model directory. */
  public static final String MANIFEST = "model-manifest.json";
  /** Logged steps averaged into the final losses. */
  static final int FINAL_WINDOW = 10;
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ModelExport() {}

  /**
   * Exports the checkpoint of {@code run} (a training run directory) to {@code out}.
   *
   * @param recipe the configuration file the run was made from (recorded with its SHA-256)
   * @param data the dataset the run trained on; defaults to the directory the run's manifest names
   * @return the manifest written
   */
  public static Map<String, Object> export(Path run, Path recipe, Optional<Path> data, Path out)
      throws IOException {
    return export(run, recipe, data.map(List::of).orElse(List.of()), out);
  }

  /**
   * Exports the checkpoint of {@code run} to {@code out}; {@code data} lists the datasets the run
   * trained on, in the order given to {@code icrl train} (empty: the ones its manifest names).
   * With several, the manifest's dataset section describes the first at its top level (the
   * synthesized data of a recipe) and every one under {@code parts}.
   */
  public static Map<String, Object> export(Path run, Path recipe, List<Path> data, Path out)
      throws IOException {
    Path ckpt = Checkpoint.locate(run).orElseThrow(() -> new InvalidInputException("--run " + run
        + ": no checkpoint there (expected " + run.resolve(Checkpoint.DIR) + "/"
        + Checkpoint.STATE + ")"));
    if (!Files.isRegularFile(recipe)) {
      throw new InvalidInputException("--recipe " + recipe + ": no such file");
    }
    CheckpointState state = Checkpoint.readState(ckpt);
    JsonNode runManifest = readJson(run.resolve(RunManifest.FILE), "--run " + run);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", "icrl-model");
    m.put("name", out.getFileName().toString());
    Map<String, Object> rec = new LinkedHashMap<>();
    rec.put("file", recipe.toString());
    rec.put("sha256", Sha256.ofFile(recipe));
    m.put("recipe", rec);

    Map<String, Object> training = new LinkedHashMap<>();
    training.put("seed", state.seed());
    training.put("steps", state.step());
    training.put("schedule-steps", state.trajectory().get("steps"));
    List<JsonNode> logged = metrics(run, state.step());
    double perStep = tokensPerStep(logged);
    training.put("tokens-per-step", perStep);
    training.put("tokens", Math.round(perStep * state.step()));
    training.put("final-losses", finalLosses(logged));
    training.put("trajectory", state.trajectory());
    m.put("training", training);
    m.put("model", state.model().toMap());
    m.put("parameters", runManifest.path("parameters").asLong());
    m.put("params-sha256", Sha256.ofFile(ckpt.resolve(Checkpoint.PARAMS)));

    m.put("dataset", datasetSection(state, runManifest, data));
    if (state.trainingTasksRecorded() && state.trainingTasks() != null) {
      m.put("training-tasks", CheckpointState.trainingTasksMap(state.trainingTasks()));
    }
    m.put("trained-with", JSON.convertValue(runManifest.path("versions"), Map.class));
    m.put("exported-by", Map.of("icrl", BuildInfo.version(), "git-commit", BuildInfo.gitCommit()));
    m.put("exported-at", Instant.now().toString());

    Checkpoint.copy(ckpt, out.resolve(Checkpoint.DIR), Checkpoint.FILES);
    AtomicFiles.writeString(out.resolve(MANIFEST), JSON.writeValueAsString(m) + "\n");
    return m;
  }

  /** The dataset section: the checkpoint's dataset id and what the datasets' manifests say. */
  private static Map<String, Object> datasetSection(CheckpointState state, JsonNode runManifest,
      List<Path> data) {
    Map<String, Object> dataset = new LinkedHashMap<>();
    dataset.put("id", state.datasetId());
    if (state.dataPhases().size() > 1) {
      dataset.put("phases", DataPhase.toMaps(state.dataPhases()));
    }
    List<Path> dirs = data;
    if (dirs.isEmpty()) {
      dirs = new ArrayList<>();
      for (String part : runManifest.path("data").asText().split(",")) {
        dirs.add(Path.of(part));
      }
      if (!dirs.stream().allMatch(p -> Files.isRegularFile(p.resolve(Manifest.FILE)))) {
        return dataset; // not datasets on disk here (synthetic data, or moved): the id alone
      }
    }
    List<Map<String, Object>> parts = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (Path dir : dirs) {
      if (!Files.isRegularFile(dir.resolve(Manifest.FILE))) {
        throw new InvalidInputException("--data " + dir + ": no " + Manifest.FILE + " there");
      }
      Manifest dm = Manifest.read(dir);
      ids.add(Dataset.identity(dm));
      Map<String, Object> part = new LinkedHashMap<>();
      part.put("id", Dataset.identity(dm));
      part.put("root-seed", dm.rootSeed());
      part.put("sequences", dm.sequences());
      part.put("steps", dm.steps());
      part.put("task-family", dm.taskFamily());
      part.put("task-seed-start", dm.taskSeedStart());
      part.put("task-seed-count", dm.taskSeedCount());
      part.put("settings-fingerprint", dm.settingsFingerprint());
      part.put("behavior-mix", dm.behaviorMix());
      parts.add(part);
    }
    String id = String.join("+", ids);
    if (!id.equals(state.datasetId())) {
      throw new InvalidInputException("--data " + dirs.stream().map(Path::toString)
          .collect(Collectors.joining(" --data ")) + " is dataset " + id
          + ", but the checkpoint was trained on " + state.datasetId());
    }
    parts.get(0).forEach((k, v) -> {
      if (!k.equals("id")) {
        dataset.put(k, v);
      }
    });
    if (parts.size() > 1) {
      dataset.put("parts", parts);
    }
    return dataset;
  }

  /** Mean real tokens per step over the {@code logged} steps (0 if none). */
  private static double tokensPerStep(List<JsonNode> logged) {
    double sum = 0;
    int n = 0;
    for (JsonNode r : logged) {
      if (r.has("tokens")) {
        sum += r.get("tokens").asDouble();
        n++;
      }
    }
    return n == 0 ? 0 : sum / n;
  }

  /** Means of the losses and accuracy over the last {@link #FINAL_WINDOW} logged steps. */
  private static Map<String, Object> finalLosses(List<JsonNode> rows) {
    List<JsonNode> tail = rows.subList(Math.max(0, rows.size() - FINAL_WINDOW), rows.size());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("logged-steps", tail.isEmpty() ? List.of()
        : List.of(tail.get(0).path("step").asLong(), tail.get(tail.size() - 1).path("step").asLong()));
    for (String key : List.of("loss", "policy_loss", "next_state_loss", "reward_loss",
        "action_accuracy")) {
      double s = 0;
      int n = 0;
      for (JsonNode r : tail) {
        if (r.has(key) && Double.isFinite(r.get(key).asDouble())) {
          s += r.get(key).asDouble();
          n++;
        }
      }
      out.put(key, n == 0 ? null : s / n);
    }
    return out;
  }

  /** Step records of the metrics log (one every log-every steps) up to {@code step}. */
  private static List<JsonNode> metrics(Path run, long step) throws IOException {
    Path file = run.resolve(MetricsLog.FILE);
    List<JsonNode> rows = new ArrayList<>();
    if (!Files.isRegularFile(file)) {
      return rows;
    }
    ObjectMapper plain = new ObjectMapper();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode r = plain.readTree(line);
      if (r.has("step") && r.get("step").asLong() <= step) {
        rows.add(r);
      }
    }
    return rows;
  }

  private static JsonNode readJson(Path file, String where) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException(where + ": no " + file.getFileName() + " (not a training"
          + " run directory)");
    }
    return new ObjectMapper().readTree(file.toFile());
  }

}
