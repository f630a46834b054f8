package io.icrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrainCommandTest {
  @TempDir Path tmp;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  static final String DATA = "synthetic:sequences=4,steps=200,states=5,actions=3";

  @Test
  void trainsResumesAndRejectsBadInputWithExitCode2() throws Exception {
    Path run = tmp.resolve("run");
    assertEquals(0, run("train", "--data", DATA, "--out", run.toString(), "--max-steps", "3",
        "--set", "icrl.learner.preset=tiny", "--set", "icrl.learner.threads=2"), err.toString());
    assertTrue(Files.isRegularFile(run.resolve("checkpoint/state.json")));
    assertTrue(out.toString().contains("0 -> 3"), out.toString());

    assertEquals(0, run("train", "--data", DATA, "--out", run.toString(), "--max-steps", "5",
        "--resume", "--set", "icrl.learner.preset=tiny"), err.toString());
    assertTrue(out.toString().contains("3 -> 5"), out.toString());

    assertEquals(2, run("train", "--data", DATA, "--out", run.toString(), "--max-steps", "6",
        "--resume", "--set", "icrl.learner.preset=tiny", "--set", "icrl.learner.model.heads=4"));
    assertTrue(err.toString().contains("another shape"), err.toString());

    assertEquals(2, run("train", "--data", tmp.resolve("missing").toString(), "--out",
        tmp.resolve("r2").toString()));
    assertTrue(err.toString().contains("no data"), err.toString());

    Files.createDirectories(tmp.resolve("empty"));
    assertEquals(2, run("train", "--data", tmp.resolve("empty").toString(), "--out",
        tmp.resolve("r3").toString()));
    assertEquals(2, run("train", "--data", DATA, "--out", tmp.resolve("r4").toString(),
        "--set", "icrl.learner.preset=huge"));
    assertTrue(err.toString().contains("no such preset"), err.toString());
  }
}
