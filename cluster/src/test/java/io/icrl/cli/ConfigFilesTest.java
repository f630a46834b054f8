package io.icrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;
import io.icrl.core.StrictConfig;
import io.icrl.synth.SynthMetadata;
import io.icrl.synth.SynthSettings;
import io.icrl.synth.format.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every shipped job and recipe file under configs/ loads under strict validation. */
class ConfigFilesTest {
  private static Path project() {
    return Path.of(System.getProperty("icrl.project.dir", ".."));
  }

  /**
   * The shipped model's recipe still describes its training data: the synth settings it loads to
   * have the fingerprint recorded in the model manifest, so re-running the recipe's synth stage
   * regenerates that dataset (a new setting must keep old settings' canonical form).
   */
  @Test
  void shippedRecipeKeepsItsDatasetFingerprint() throws IOException {
    JsonNode manifest = Json.MAPPER.readTree(
        project().resolve("models/local-anymdp/model-manifest.json").toFile());
    Path recipe = project().resolve(manifest.path("recipe").path("file").asText());
    SynthSettings s = SynthSettings.from(StrictConfig.load(recipe, List.of()));
    assertEquals(manifest.path("dataset").path("settings-fingerprint").asText(),
        SynthMetadata.fingerprint(s), recipe.toString());
  }

  @Test
  void everyShippedConfigLoads() throws IOException {
    Path configs = project().resolve("configs");
    List<Path> files;
    try (Stream<Path> s = Files.walk(configs)) {
      files = s.filter(p -> p.toString().endsWith(".conf")).sorted().toList();
    }
    assertFalse(files.isEmpty(), "no .conf files under " + configs);
    for (Path f : files) {
      Config c = StrictConfig.load(f, List.of());
      assertTrue(c.hasPath("icrl.synth.sequences"), f.toString());
    }
  }
}
