package io.icrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icrl.cli.SelfPlayCommandTest.Run;
import io.icrl.learner.checkpoint.Checkpoint;
import io.icrl.learner.checkpoint.CheckpointState;
import io.icrl.synth.format.Dataset;
import io.icrl.synth.format.Manifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code icrl train} with {@code icrl.eval.selfplay.train-at-steps}: the run plays at each listed
 * step and trains on with the play added; stopped in between, {@code --resume} goes on from there.
 */
class TrainSelfPlayRoundsTest {
  static Run run(String... args) {
    return SelfPlayCommandTest.run(args);
  }

  static String[] train(Path data, Path out, String... extra) {
    List<String> a = new ArrayList<>(List.of("train", "--data", data.toString(), "--out",
        out.toString(), "--set", "icrl.learner.preset=tiny", "--set", "icrl.learner.device=cpu",
        "--set", "icrl.learner.train.steps=6", "--set", "icrl.eval.selfplay.sequences=2",
        "--set", "icrl.eval.selfplay.steps=120", "--set", "icrl.eval.selfplay.shard-sequences=1",
        "--set", "icrl.eval.selfplay.threads=1"));
    a.addAll(List.of(extra));
    return a.toArray(String[]::new);
  }

  @Test
  void theRunPlaysAtEachRoundAndTrainsOnWithThePlayAdded(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    Run synth = run("synth", "--out", data.toString(), "--sequences", "2", "--steps", "300",
        "--threads", "1", "--no-progress", "--set", "icrl.synth.task.states=8", "--set",
        "icrl.synth.task.actions=3", "--set", "icrl.synth.task.seed-start=500", "--set",
        "icrl.synth.task.seed-count=40");
    assertEquals(0, synth.code(), synth.err());
    Path out = dir.resolve("run");
    String rounds = "icrl.eval.selfplay.train-at-steps=[2,4]";

    // stopped at step 3: round 2 played, round 4 not yet
    Run part = run(train(data, out, "--set", rounds, "--max-steps", "3"));
    assertEquals(0, part.code(), part.err());
    assertTrue(Manifest.read(out.resolve("selfplay-2")).complete());
    assertTrue(Files.notExists(out.resolve("selfplay-4")));
    assertEquals(3, state(out).step());

    Run noResume = run(train(data, out, "--set", rounds));
    assertEquals(2, noResume.code(), noResume.err());
    assertTrue(noResume.err().contains("--resume"), noResume.err());

    Run rest = run(train(data, out, "--set", rounds, "--resume"));
    assertEquals(0, rest.code(), rest.err());
    assertTrue(rest.out().contains("3 -> 6"), rest.out());
    Manifest second = Manifest.read(out.resolve("selfplay-4"));
    assertTrue(second.complete());
    assertNotEquals(Manifest.read(out.resolve("selfplay-2")).rootSeed(), second.rootSeed(),
        "each round plays other tasks");

    CheckpointState s = state(out);
    assertEquals(6, s.step());
    String d = Dataset.identity(Manifest.read(data));
    String p2 = Dataset.identity(Manifest.read(out.resolve("selfplay-2")));
    String p4 = Dataset.identity(second);
    assertEquals(d + "+" + p2 + "+" + p4, s.datasetId());
    assertEquals(3, s.dataPhases().size());
    assertEquals(List.of(0L, 2L, 4L), s.dataPhases().stream().map(p -> p.fromStep()).toList());
    assertEquals(d + "+" + p2, s.dataPhases().get(1).datasetId());

    Run export = run("model", "export", "--run", out.toString(), "--recipe",
        writeRecipe(dir), "--out", dir.resolve("model").toString());
    assertEquals(0, export.code(), export.err());
    String manifest = Files.readString(dir.resolve("model/model-manifest.json"));
    assertTrue(manifest.contains("\"phases\""), manifest);
  }

  @Test
  void roundsThatNoStepWouldTrainOnAreRefused(@TempDir Path dir) {
    Path data = dir.resolve("nodata");
    Run last = run(train(data, dir.resolve("a"), "--set", "icrl.eval.selfplay.train-at-steps=[6]"));
    assertEquals(2, last.code(), last.err());
    assertTrue(last.err().contains("before the last training step"), last.err());
    Run order = run(train(data, dir.resolve("b"), "--set",
        "icrl.eval.selfplay.train-at-steps=[4,2]"));
    assertEquals(2, order.code(), order.err());
    assertTrue(order.err().contains("strictly increasing"), order.err());
    Run grow = run(train(data, dir.resolve("c"), "--grow-data"));
    assertEquals(2, grow.code(), grow.err());
    assertTrue(grow.err().contains("--resume"), grow.err());
  }

  private static CheckpointState state(Path run) throws Exception {
    return Checkpoint.readState(Checkpoint.locate(run).orElseThrow());
  }

  private static String writeRecipe(Path dir) throws Exception {
    Path recipe = dir.resolve("recipe.conf");
    Files.writeString(recipe, "icrl.learner.preset = tiny\n");
    return recipe.toString();
  }
}
