package io.icrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icrl.eval.report.ResultsCsv;
import io.icrl.tasks.TabularTask;
import io.icrl.tasks.TaskRegistry;
import io.icrl.tasks.mdp.TabularMdp;
import io.icrl.tasks.mdp.TabularMdpBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvalCommandTest {
  /** A corridor of n states: action 1 moves right, action 0 stays; the last state pays 1. */
  private static TabularMdp corridor(int n) {
    TabularMdpBuilder b = TabularMdp.builder(n, 2).name("corridor").maxEpisodeSteps(3 * n)
        .start(0, 1.0);
    for (int s = 0; s < n; s++) {
      b.outcome(s, 0, s, 1.0, 0.0, false);
      boolean goal = s + 1 == n - 1;
      b.outcome(s, 1, Math.min(n - 1, s + 1), 1.0, goal ? 1.0 : 0.0, goal || s == n - 1);
    }
    return b.build();
  }

  private static final class Run {
    int code;
    String err;
  }

  private static Run run(String... args) {
    CommandLine cl = Main.commandLine();
    EvalCommand eval = cl.getSubcommands().get("eval").getCommand();
    TaskRegistry r = TaskRegistry.standard();
    r.register("corridor", p -> new TabularTask(p.id(), corridor(p.getPositiveInt("n", 5))));
    eval.registry = r;
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    Run out = new Run();
    out.code = cl.execute(args);
    out.err = err.toString();
    return out;
  }

  @Test
  void runsBaselinesAndWritesOutputs(@TempDir Path dir) throws Exception {
    Run r = run("eval", "--task", "corridor:n=4", "--task", "corridor:n=6", "--modes",
        "online,offline", "--episodes", "4", "--seeds", "2", "--threads", "2", "--quiet", "--out",
        dir.toString());
    assertEquals(0, r.code, r.err);
    List<String> lines = Files.readAllLines(dir.resolve("results.csv"));
    assertEquals(ResultsCsv.HEADER, lines.get(0));
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("corridor:n=6,offline,data,1,")));
    assertTrue(Files.exists(dir.resolve("summary.json")));
    assertTrue(Files.exists(dir.resolve("report.md")));
    assertTrue(Files.exists(dir.resolve("plots/corridor_n_4-online.png")));
  }

  @Test
  void evaluatesARealCheckpointInEveryModeAndHoldsOutItsTrainingTasks(@TempDir Path dir)
      throws Exception {
    // A tiny AnyMDP dataset (task seeds [500, 540)) and a tiny model trained on it, by the CLI.
    Path data = dir.resolve("data");
    Path run = dir.resolve("run");
    Run synth = run("synth", "--out", data.toString(), "--sequences", "2", "--steps", "300",
        "--threads", "1", "--no-progress", "--set", "icrl.synth.task.states=8", "--set",
        "icrl.synth.task.actions=3", "--set", "icrl.synth.task.seed-start=500", "--set",
        "icrl.synth.task.seed-count=40");
    assertEquals(0, synth.code, synth.err);
    Run train = run("train", "--data", data.toString(), "--out", run.toString(), "--max-steps",
        "2", "--set", "icrl.learner.preset=tiny", "--set", "icrl.learner.device=cpu");
    assertEquals(0, train.code, train.err);

    Run inside = run("eval", "--checkpoint", run.toString(), "--task",
        "anymdp:states=8,actions=3,seed=510", "--quiet", "--out", dir.resolve("refused").toString());
    assertEquals(2, inside.code, inside.err);
    assertTrue(inside.err.contains("inside the checkpoint's training seeds [500, 540)"), inside.err);
    assertTrue(Files.notExists(dir.resolve("refused/results.csv")));

    Path out = dir.resolve("eval");
    Run ok = run("eval", "--checkpoint", run.toString(), "--suite", "held-out-anymdp", "--set",
        "icrl.eval.held-out-anymdp.count=1", "--set", "icrl.eval.held-out-anymdp.first-seed=520",
        "--agents", "random", "--episodes", "2", "--seeds", "1", "--threads", "2", "--quiet",
        "--out", out.toString());
    assertEquals(0, ok.code, ok.err);
    List<String> lines = Files.readAllLines(out.resolve("results.csv"));
    for (String mode : List.of("online", "imitation", "offline")) {
      assertEquals(2, lines.stream().filter(l -> l.startsWith(
          "\"anymdp:states=8,actions=3,seed=540\"," + mode + ",model,0,")).count(), mode);
    }
    assertTrue(Files.readString(out.resolve("summary.json")).contains("checkpoint "));

    Run noCheckpoint = run("eval", "--training-data", data.toString(), "--task", "corridor",
        "--out", dir.resolve("x").toString());
    assertEquals(2, noCheckpoint.code);
    assertTrue(noCheckpoint.err.contains("--training-data needs --checkpoint"), noCheckpoint.err);
  }

  @Test
  void badInputExitsWithTwo(@TempDir Path dir) {
    Run suite = run("eval", "--suite", "nope", "--out", dir.toString());
    assertEquals(2, suite.code);
    assertTrue(suite.err.contains("unknown suite 'nope'"), suite.err);
    Run mode = run("eval", "--task", "corridor", "--modes", "online,dreaming", "--out",
        dir.toString());
    assertEquals(2, mode.code);
    assertTrue(mode.err.contains("dreaming"), mode.err);
    Run missing = run("eval", "--task", "corridor");
    assertEquals(2, missing.code);
  }
}
