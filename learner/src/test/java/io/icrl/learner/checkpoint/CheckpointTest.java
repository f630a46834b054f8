package io.icrl.learner.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import io.icrl.core.InvalidInputException;
import io.icrl.learner.LearnerSettings;
import io.icrl.learner.TestModels;
import io.icrl.learner.data.InMemoryWindowSource;
import io.icrl.learner.infer.IncrementalPolicy;
import io.icrl.learner.infer.InferSettings;
import io.icrl.learner.model.LearnerModel;
import io.icrl.learner.model.StepEncoding;
import io.icrl.learner.model.SymbolPermutation;
import io.icrl.learner.train.LearnerMetrics;
import io.icrl.learner.train.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
  @TempDir Path tmp;

  @Test
  void aSavedModelLoadsForInferenceWithIdenticalOutputs() throws Exception {
    LearnerSettings s = TestModels.tiny("icrl.learner.train.checkpoint-every=2");
    InMemoryWindowSource data = TestModels.data(4, 100, 1);
    Path run = tmp.resolve("run");
    new Trainer(s, Map.of(), data, run, LearnerMetrics.NONE).run(3, false);
    assertFalse(Files.exists(run.resolve("checkpoint.old")));
    assertEquals(3, Checkpoint.readState(run.resolve("checkpoint")).step());
    SymbolPermutation perm = SymbolPermutation.identity(5, 3, s.model().stateVocab(),
        s.model().actionVocab());
    float[][] got = new float[2][];
    for (int k = 0; k < 2; k++) {
      try (LearnerModel m = Checkpoint.loadModel(run, Device.cpu(), DataType.FLOAT32);
          IncrementalPolicy p = new IncrementalPolicy(m, new InferSettings(16, 0.75))) {
        p.reset(perm);
        p.step(1, 0, -1, 0f, -1, StepEncoding.FLAG_CONTEXT_START);
        got[k] = p.step(2, 0, 1, 0.5f, 0, StepEncoding.FLAG_CONTINUE);
      }
    }
    assertArrayEquals(got[0], got[1], 0f);
    assertEquals(3, got[0].length);
  }

  @Test
  void aCheckpointOfANewerFormatIsRefusedWithAReason() throws Exception {
    LearnerSettings s = TestModels.tiny();
    Path run = tmp.resolve("run");
    new Trainer(s, Map.of(), TestModels.data(2, 80, 1), run, LearnerMetrics.NONE).run(1, false);
    Path state = run.resolve("checkpoint/state.json");
    Files.writeString(state, Files.readString(state).replace("\"format-version\" : " + Checkpoint.FORMAT_VERSION,
        "\"format-version\" : 99"));
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> Checkpoint.readState(run.resolve("checkpoint")));
    assertTrue(e.getMessage().contains("format version 99") && e.getMessage().contains("newer"),
        e.getMessage());
  }

  @Test
  void aLeftoverOldCheckpointIsFoundAfterAKillMidSwap() throws Exception {
    LearnerSettings s = TestModels.tiny();
    Path run = tmp.resolve("run");
    new Trainer(s, Map.of(), TestModels.data(2, 80, 1), run, LearnerMetrics.NONE).run(1, false);
    Files.move(run.resolve("checkpoint"), run.resolve("checkpoint.old"));
    assertEquals(run.resolve("checkpoint.old"), Checkpoint.locate(run).orElseThrow());
  }

  @Test
  void recordsTheTrainingTasksAndStillReadsVersionOneStates() throws Exception {
    LearnerSettings s = TestModels.tiny();
    Path run = tmp.resolve("run");
    new Trainer(s, Map.of(), TestModels.data(2, 80, 1), run, LearnerMetrics.NONE).run(1, false);
    Path dir = run.resolve("checkpoint");
    CheckpointState now = Checkpoint.readState(dir);
    assertTrue(now.trainingTasksRecorded());
    assertEquals(null, now.trainingTasks(), "synthetic data comes from no task generator");
    assertTrue(Files.readString(dir.resolve("state.json")).contains("\"training-tasks\" : null"));
    assertTrue(Files.readString(run.resolve("manifest.json")).contains("\"data\" : \"synthetic:"));

    Path state = dir.resolve("state.json");
    String recorded = Files.readString(state);
    Files.writeString(state, recorded.replace("\"training-tasks\" : null", "\"training-tasks\" : {"
        + " \"family\" : \"anymdp\", \"states\" : 16, \"actions\" : 5, \"params\" : \"\","
        + " \"seed-start\" : 0, \"seed-count\" : 10, \"mixed\" : [ \"darkroom:size=4\" ] }"));
    CheckpointState mixed = Checkpoint.readState(dir);
    assertEquals(List.of("darkroom:size=4"), mixed.trainingTasks().mixed());
    assertEquals(List.of("anymdp", "darkroom"), mixed.trainingTasks().families());
    assertEquals(mixed.trainingTasks().mixed(),
        CheckpointState.trainingTasksMap(mixed.trainingTasks()).get("mixed"));
    Files.writeString(state, recorded);
    Files.writeString(state, Files.readString(state)
        .replace("\"format-version\" : " + Checkpoint.FORMAT_VERSION, "\"format-version\" : 1")
        .replace("\"training-tasks\" : null,", ""));
    CheckpointState old = Checkpoint.readState(dir);
    assertEquals(1, old.formatVersion());
    assertFalse(old.trainingTasksRecorded());
    assertEquals(1, old.step());
    Checkpoint.loadModel(run, Device.cpu(), DataType.FLOAT32).close();
  }
}
