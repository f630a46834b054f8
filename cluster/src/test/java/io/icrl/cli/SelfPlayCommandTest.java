package io.icrl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.icrl.synth.format.Json;
import io.icrl.synth.format.Manifest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** synth, train, selfplay and train on both datasets, through the CLI; bad input exits 2. */
class SelfPlayCommandTest {
  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void theModelsOwnPlayBecomesTrainingDataBesideTheSynthesizedData(@TempDir Path dir)
      throws Exception {
    Path data = dir.resolve("data");
    Path run = dir.resolve("run");
    Path selfplay = dir.resolve("selfplay");
    Run synth = run("synth", "--out", data.toString(), "--sequences", "2", "--steps", "300",
        "--threads", "1", "--no-progress", "--set", "icrl.synth.task.states=8", "--set",
        "icrl.synth.task.actions=3", "--set", "icrl.synth.task.seed-start=500", "--set",
        "icrl.synth.task.seed-count=40");
    assertEquals(0, synth.code, synth.err);
    Run train = run("train", "--data", data.toString(), "--out", run.toString(), "--max-steps",
        "2", "--set", "icrl.learner.preset=tiny", "--set", "icrl.learner.device=cpu");
    assertEquals(0, train.code, train.err);

    Run play = run("selfplay", "--checkpoint", run.toString(), "--out", selfplay.toString(),
        "--set", "icrl.eval.selfplay.sequences=3", "--set", "icrl.eval.selfplay.steps=150",
        "--set", "icrl.eval.selfplay.shard-sequences=2", "--set", "icrl.eval.selfplay.threads=2");
    assertEquals(0, play.code, play.err);
    assertTrue(play.err.contains("anymdp:states=8,actions=3 seeds [500, 540)"), play.err);
    assertTrue(play.out.contains("3 x 150 rows (2 shards)"), play.out);
    assertTrue(Manifest.read(selfplay).complete());

    Run both = run("train", "--data", data.toString(), "--data", selfplay.toString(), "--out",
        dir.resolve("run2").toString(), "--max-steps", "2", "--set", "icrl.learner.preset=tiny",
        "--set", "icrl.learner.device=cpu");
    assertEquals(0, both.code, both.err);
    assertTrue(both.err.contains("+sha256:"), both.err); // the two datasets' ids, joined

    Path recipe = dir.resolve("recipe.conf");
    Files.writeString(recipe, "icrl.learner.preset = tiny\n");
    Run export = run("model", "export", "--run", dir.resolve("run2").toString(), "--recipe",
        recipe.toString(), "--out", dir.resolve("model").toString());
    assertEquals(0, export.code, export.err);
    JsonNode dataset = Json.MAPPER.readTree(dir.resolve("model/model-manifest.json").toFile())
        .path("dataset");
    assertEquals(Manifest.read(data).settingsFingerprint(),
        dataset.path("settings-fingerprint").asText()); // the synthesized part at the top level
    assertEquals(2, dataset.path("parts").size());
    assertEquals(1.0, dataset.path("parts").path(1).path("behavior-mix").path("model").asDouble());
    Run wrong = run("model", "export", "--run", dir.resolve("run2").toString(), "--recipe",
        recipe.toString(), "--data", data.toString(), "--out", dir.resolve("model2").toString());
    assertEquals(2, wrong.code, wrong.err);
    assertTrue(wrong.err.contains("but the checkpoint was trained on"), wrong.err);

    Run again = run("selfplay", "--checkpoint", run.toString(), "--out", selfplay.toString(),
        "--set", "icrl.eval.selfplay.sequences=4", "--set", "icrl.eval.selfplay.steps=150",
        "--set", "icrl.eval.selfplay.shard-sequences=2");
    assertEquals(2, again.code, again.err);
    assertTrue(again.err.contains("other settings"), again.err);

    Run missing = run("selfplay", "--checkpoint", dir.resolve("nothing").toString(), "--out",
        dir.resolve("x").toString());
    assertEquals(2, missing.code, missing.err);
    assertTrue(missing.err.contains("no such file or directory"), missing.err);
    assertTrue(Files.notExists(dir.resolve("x")));

    Path synthetic = dir.resolve("synthetic-run");
    assertEquals(0, run("train", "--data", "synthetic:sequences=2,steps=100,states=5,actions=3",
        "--out", synthetic.toString(), "--max-steps", "1", "--set", "icrl.learner.preset=tiny",
        "--set", "icrl.learner.device=cpu").code);
    Run noTasks = run("selfplay", "--checkpoint", synthetic.toString(), "--out",
        dir.resolve("y").toString());
    assertEquals(2, noTasks.code, noTasks.err);
    assertTrue(noTasks.err.contains("does not record generated training tasks"), noTasks.err);
  }
}
