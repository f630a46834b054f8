package io.icrl.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrictConfigTest {
  @TempDir
  Path dir;

  @Test
  void defaultsComeFromReferenceConf() {
    Config c = StrictConfig.defaults();
    assertEquals("anymdp", c.getString("icrl.tasks.sample.generator"));
    assertEquals(16, c.getInt("icrl.tasks.sample.states"));
  }

  @Test
  void setOverridesFileWhichOverridesReference() throws IOException {
    Path f = dir.resolve("job.conf");
    Files.writeString(f, "icrl.tasks.sample { states = 32, actions = 4 }\n");
    Config c = StrictConfig.load(f, List.of("icrl.tasks.sample.states=64"));
    assertEquals(64, c.getInt("icrl.tasks.sample.states"));
    assertEquals(4, c.getInt("icrl.tasks.sample.actions"));
    assertEquals(100, c.getInt("icrl.tasks.sample.count"));
  }

  @Test
  void unknownKeyIsRejectedWithItsPathAndOrigin() throws IOException {
    Path f = dir.resolve("job.conf");
    Files.writeString(f, "icrl.tasks.sample {\n  sates = 32\n}\n");
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> StrictConfig.load(f, List.of()));
    assertTrue(e.getMessage().contains("icrl.tasks.sample.sates"), e.getMessage());
    assertTrue(e.getMessage().contains("job.conf"), e.getMessage());
    assertTrue(e.getMessage().contains("states"), e.getMessage());
  }

  @Test
  void wrongTypeIsRejectedWithItsPath() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> StrictConfig.load(null, List.of("icrl.tasks.sample.states=many")));
    assertTrue(e.getMessage().contains("icrl.tasks.sample.states"), e.getMessage());
  }

  @Test
  void malformedSetIsRejected() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> StrictConfig.load(null, List.of("icrl.tasks.sample.states")));
    assertTrue(e.getMessage().contains("key=value"), e.getMessage());
  }

  @Test
  void missingFileIsRejected() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> StrictConfig.load(dir.resolve("nope.conf"), List.of()));
    assertTrue(e.getMessage().contains("nope.conf"), e.getMessage());
  }

  @Test
  void rangeChecksNameTheKey() {
    Config c = StrictConfig.load(null, List.of("icrl.tasks.sample.states=-3"));
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> Settings.positiveInt(c, "icrl.tasks.sample.states"));
    assertTrue(e.getMessage().contains("icrl.tasks.sample.states = -3"), e.getMessage());
    assertTrue(e.getMessage().contains("positive"), e.getMessage());
  }
}
