package io.icrl.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import io.icrl.core.StrictConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every shipped job and recipe file under configs/ loads under strict validation. */
class ConfigFilesTest {
  @Test
  void everyShippedConfigLoads() throws IOException {
    Path configs = Path.of(System.getProperty("icrl.project.dir", "..")).resolve("configs");
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
