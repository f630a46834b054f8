package io.icrl.learner.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icrl.core.InvalidInputException;
import io.icrl.core.Sha256;
import io.icrl.learner.LearnerSettings;
import io.icrl.learner.TestModels;
import io.icrl.learner.train.LearnerMetrics;
import io.icrl.learner.train.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelExportTest {
  @TempDir Path tmp;

  @Test
  void exportCopiesTheCheckpointAndRecordsWhereTheModelCameFrom() throws Exception {
    LearnerSettings s = TestModels.tiny("icrl.learner.train.steps=20",
        "icrl.learner.train.checkpoint-every=1000", "icrl.learner.train.log-every=5");
    Path run = tmp.resolve("run");
    new Trainer(s, Map.of(), TestModels.data(4, 100, 5), run, LearnerMetrics.NONE).run(20, false);
    Path recipe = tmp.resolve("recipe.conf");
    Files.writeString(recipe, "icrl.learner.preset = tiny\n");
    Path out = tmp.resolve("models/tiny");

    ModelExport.export(run, recipe, Optional.empty(), out);

    assertArrayEquals(Files.readAllBytes(run.resolve("checkpoint/model.params")),
        Files.readAllBytes(out.resolve("checkpoint/model.params")));
    assertEquals(20, Checkpoint.readState(out.resolve("checkpoint")).step());
    JsonNode m = new ObjectMapper().readTree(out.resolve(ModelExport.MANIFEST).toFile());
    assertEquals("icrl-model", m.get("kind").asText());
    assertEquals(Sha256.ofFile(recipe), m.at("/recipe/sha256").asText());
    assertEquals(20, m.at("/training/steps").asLong());
    assertEquals(1, m.at("/training/seed").asLong());
    assertTrue(m.at("/training/tokens").asLong() > 0);
    assertTrue(m.at("/training/final-losses/loss").asDouble() > 0);
    assertEquals(m.at("/training/final-losses/logged-steps/1").asLong(), 20);
    assertTrue(m.at("/dataset/id").asText().startsWith("synthetic:"));
    assertEquals(2, m.at("/model/layers").asInt());

    // exporting again replaces the model in place
    ModelExport.export(run, recipe, Optional.empty(), out);
    assertTrue(Files.isRegularFile(out.resolve("checkpoint/state.json")));
  }

  @Test
  void aDirectoryWithoutACheckpointIsRefusedByName() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> ModelExport.export(tmp, tmp.resolve("r.conf"), Optional.empty(), tmp.resolve("o")));
    assertTrue(e.getMessage().contains("--run " + tmp), e.getMessage());
  }
}
