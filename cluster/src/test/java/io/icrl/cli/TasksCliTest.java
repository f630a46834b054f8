package io.icrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TasksCliTest {
  @TempDir
  Path dir;

  /** Runs the CLI in-process, returning exit code and captured stdout/stderr. */
  static Result run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      var cl = Main.commandLine();
      cl.setErr(new java.io.PrintWriter(System.err, true));
      int code = cl.execute(args);
      return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  record Result(int code, String out, String err) {}

  @Test
  void dumpMatchesTheGoldenDeterministicFrozenLake() throws Exception {
    Result r = run("tasks", "dump", "FrozenLake-v1:is_slippery=false");
    assertEquals(0, r.code(), r.err());
    ObjectMapper json = new ObjectMapper();
    JsonNode ours = json.readTree(r.out());
    Path golden = Path.of(System.getProperty("icrl.shared.dir"), "golden",
        "frozenlake4x4_deterministic.json");
    JsonNode theirs = json.readTree(Files.readString(golden));
    assertEquals(theirs.get("n_states"), ours.get("n_states"));
    assertEquals(theirs.get("max_episode_steps"), ours.get("max_episode_steps"));
    for (int s = 0; s < 16; s++) {
      for (int a = 0; a < 4; a++) {
        JsonNode o = ours.get("P").get("" + s).get("" + a).get(0);
        JsonNode t = theirs.get("P").get("" + s).get("" + a).get(0);
        assertEquals(t.get(1).asInt(), o.get(1).asInt());
        assertEquals(t.get(2).asDouble(), o.get(2).asDouble());
        assertEquals(t.get(3).asBoolean(), o.get(3).asBoolean());
      }
    }
  }

  @Test
  void badInputExitsWithTwoAndNamesTheProblem() {
    Result unknown = run("tasks", "show", "NoSuchTask-v0");
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().contains("NoSuchTask-v0"), unknown.err());
    Result malformed = run("tasks", "show", "FrozenLake-v1:is_slippery");
    assertEquals(2, malformed.code());
    assertTrue(malformed.err().contains("key=value"), malformed.err());
    Result flag = run("tasks", "show");
    assertEquals(2, flag.code());
    Result badSet = run("tasks", "sample", "--out", dir.toString(), "--set", "icrl.tasks.sample.stats=3");
    assertEquals(2, badSet.code());
    assertTrue(badSet.err().contains("icrl.tasks.sample.stats"), badSet.err());
  }

  @Test
  void replayPrintsStepsAsJson() throws Exception {
    Result r = run("tasks", "replay", "Pendulum-v1", "--init-obs", "1,0,0", "--actions", "2,-2");
    assertEquals(0, r.code(), r.err());
    JsonNode steps = new ObjectMapper().readTree(r.out()).get("steps");
    assertEquals(2, steps.size());
    assertEquals(3, steps.get(0).get("obs").size());
    assertTrue(steps.get(0).get("reward").asDouble() <= 0);
    assertEquals(List.of(false, false), List.of(steps.get(0).get("terminated").asBoolean(),
        steps.get(1).get("truncated").asBoolean()));
  }
}
