package io.icrl.eval.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icrl.core.InvalidInputException;
import io.icrl.eval.EvalSettings;
import io.icrl.eval.Mode;
import io.icrl.eval.TaskSelection;
import io.icrl.eval.TestSettings;
import io.icrl.eval.TinyCheckpoint;
import io.icrl.eval.agent.CheckpointModels;
import io.icrl.eval.agent.LearnerModelSource;
import io.icrl.eval.report.Csv;
import io.icrl.eval.report.ResultsCsv;
import io.icrl.eval.report.SweepOutputs;
import io.icrl.eval.task.TrainingTaskRange;
import io.icrl.learner.checkpoint.Checkpoint;
import io.icrl.tasks.TaskRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweeps with a real (tiny, briefly trained) checkpoint: every mode, parallel cells, the guard. */
class CheckpointSweepTest {
  private static final TaskRegistry TASKS = TaskRegistry.standard();

  private static EvalSettings settings(int threads) {
    return TestSettings.with("icrl.eval.episodes=3", "icrl.eval.seeds=2",
        "icrl.eval.threads=" + threads, "icrl.eval.agents=[random]",
        "icrl.eval.imitation.episodes=2", "icrl.eval.offline.episodes=3",
        "icrl.eval.imitation.pin-data=0.5", "icrl.eval.offline.temperature-start=0.1");
  }

  private static LearnerModelSource open(EvalSettings s) {
    return CheckpointModels.open(TinyCheckpoint.run(), s.model(), s.effectiveThreads(),
        Optional.empty());
  }

  private static SweepResult sweep(EvalSettings s, LearnerModelSource model, Path out)
      throws IOException {
    SweepResult r = Sweep.run(new SweepRequest(List.of(TinyCheckpoint.HELD_OUT), s, TASKS::make,
        Optional.of(model), model.trainingRange(), out), SweepListener.NONE);
    SweepOutputs.write(r, out);
    return r;
  }

  @Test
  void everyModeRunsEndToEndAndParallelCellsAgreeWithSerialOnes(@TempDir Path dir)
      throws IOException {
    EvalSettings parallel = settings(2);
    try (LearnerModelSource model = open(parallel)) {
      assertTrue(model.describe().contains("step 3"), model.describe());
      sweep(parallel, model, dir.resolve("parallel"));
      sweep(settings(1), model, dir.resolve("serial"));
    }
    List<String> lines = Files.readAllLines(dir.resolve("parallel/results.csv"));
    assertEquals(ResultsCsv.HEADER, lines.get(0));
    Map<String, Integer> modelRows = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> f = Csv.parseLine(line);
      assertEquals(TinyCheckpoint.HELD_OUT, f.get(0));
      double score = Double.parseDouble(f.get(6));
      assertTrue(Double.isFinite(score) && Integer.parseInt(f.get(7)) >= 1, line);
      if (f.get(2).equals("model")) {
        modelRows.merge(f.get(1), 1, Integer::sum);
      }
    }
    for (Mode m : Mode.values()) {
      assertEquals(3 * 2, modelRows.get(m.id()), "model episodes x seeds in mode " + m.id());
    }
    JsonNode summary = new ObjectMapper().readTree(dir.resolve("parallel/summary.json").toFile());
    int modelSeries = 0;
    for (JsonNode series : summary.get("series")) {
      if (series.get("agent").asText().equals("model")) {
        modelSeries++;
        assertEquals(2, series.get("mean_score").get("n").asInt());
      }
    }
    assertEquals(3, modelSeries);
    String report = Files.readString(dir.resolve("parallel/report.md"));
    assertTrue(report.contains("model"));
    // the outputs say which protocol made the model's numbers
    assertTrue(report.contains("- imitation: 2 episodes of optimal data tagged OPT3; prompt OPT3,"
        + " own steps tagged UNK; temperature 1.0 -> 0.1 over 10 episodes; pinned in up to 0.5 of"
        + " the context: the data\n"), report);
    JsonNode protocol = summary.get("model_protocol");
    assertEquals(0.1, protocol.get("offline").get("temperature").get("start").asDouble(), 0);
    assertEquals(0.5, protocol.get("imitation").get("pin_share").asDouble(), 0);
    assertEquals(0.0, protocol.get("online").get("pin_share").asDouble(), 0);
    assertEquals(Files.readString(dir.resolve("serial/results.csv")),
        Files.readString(dir.resolve("parallel/results.csv")),
        "cells sharing the weights on 2 threads give the serial results");
  }

  @Test
  void theCheckpointsTrainingTasksAreRefusedAndTheHeldOutSuiteAvoidsThem(@TempDir Path dir)
      throws IOException {
    EvalSettings s = TestSettings.with("icrl.eval.held-out-anymdp.first-seed=520",
        "icrl.eval.held-out-anymdp.count=2");
    try (LearnerModelSource model = open(s)) {
      TrainingTaskRange range = model.trainingRange().orElseThrow();
      assertEquals(new TrainingTaskRange("anymdp", TinyCheckpoint.SEED_START,
          TinyCheckpoint.SEED_COUNT, TinyCheckpoint.STATES, TinyCheckpoint.ACTIONS), range);
      String inside = "anymdp:states=8,actions=3,seed=510";
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> Sweep.run(
          new SweepRequest(List.of(inside), s, TASKS::make, Optional.of(model),
              model.trainingRange(), dir), SweepListener.NONE));
      assertTrue(e.getMessage().contains("[500, 540)"), e.getMessage());
      assertEquals(List.of("anymdp:states=8,actions=3,seed=540",
          "anymdp:states=8,actions=3,seed=541"),
          TaskSelection.resolve(List.of(), List.of("held-out-anymdp"), s, model.trainingRange()),
          "past the training seeds, at the training size");
    }
  }

  @Test
  void checkpointsThatDoNotRecordTheirTasksNeedTheirDataset(@TempDir Path dir) throws IOException {
    Path old = dir.resolve("old-run");
    Files.createDirectories(old.resolve(Checkpoint.DIR));
    Path src = TinyCheckpoint.run().resolve(Checkpoint.DIR);
    for (String f : List.of(Checkpoint.PARAMS, Checkpoint.OPTIMIZER)) {
      Files.copy(src.resolve(f), old.resolve(Checkpoint.DIR).resolve(f));
    }
    String state = Files.readString(src.resolve(Checkpoint.STATE))
        .replace("\"format-version\" : " + Checkpoint.FORMAT_VERSION, "\"format-version\" : 1")
        .replaceAll("(?s)\"training-tasks\" : \\{.*?\\},", "");
    assertTrue(!state.contains("training-tasks"), state);
    Files.writeString(old.resolve(Checkpoint.DIR).resolve(Checkpoint.STATE), state);
    EvalSettings s = TestSettings.with();

    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> CheckpointModels.open(old, s.model(), 1, Optional.empty()));
    assertTrue(e.getMessage().contains("--training-data"), e.getMessage());
    try (LearnerModelSource model = CheckpointModels.open(old, s.model(), 1,
        Optional.of(TinyCheckpoint.data()))) {
      assertEquals(Optional.of(new TrainingTaskRange("anymdp", 500, 40, 8, 3)),
          model.trainingRange());
    }

    Path other = Files.createDirectories(dir.resolve("other-data"));
    Files.writeString(other.resolve("manifest.json"), Files.readString(
        TinyCheckpoint.data().resolve("manifest.json")).replaceFirst(
            "\"settings_fingerprint\" : \"[0-9a-f]+\"", "\"settings_fingerprint\" : \"0\""));
    InvalidInputException wrong = assertThrows(InvalidInputException.class,
        () -> CheckpointModels.open(old, s.model(), 1, Optional.of(other)));
    assertTrue(wrong.getMessage().contains("was trained on dataset"), wrong.getMessage());
  }
}
