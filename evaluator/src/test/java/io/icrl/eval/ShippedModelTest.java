package io.icrl.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import io.icrl.core.StrictConfig;
import io.icrl.eval.agent.CheckpointModels;
import io.icrl.eval.agent.LearnerModelSource;
import io.icrl.eval.sweep.CellResult;
import io.icrl.eval.sweep.Sweep;
import io.icrl.eval.sweep.SweepListener;
import io.icrl.eval.sweep.SweepRequest;
import io.icrl.eval.sweep.SweepResult;
import io.icrl.tasks.TaskRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model shipped in {@code models/local-anymdp} learns in context: with frozen weights, on
 * held-out AnyMDP tasks of its training size (seeds past its training range), its online score at
 * episode 10 beats its score at episode 1 and beats a random agent's. Runs the evaluator exactly
 * as {@code icrl eval} does, with the evaluation settings of the model's recipe.
 */
class ShippedModelTest {
  static final Path PROJECT = Path.of(System.getProperty("icrl.project.dir", ".."));
  static final Path MODEL = PROJECT.resolve("models/local-anymdp");

  @Test
  void theShippedModelImprovesInContextOnHeldOutTasks(@TempDir Path out) throws Exception {
    assertTrue(Files.isDirectory(MODEL), "no shipped model at " + MODEL.toAbsolutePath());
    // the evaluation settings of the recipe the manifest names (the rest belongs to other modules)
    Path recipe = PROJECT.resolve(new ObjectMapper().readTree(
        MODEL.resolve("model-manifest.json").toFile()).path("recipe").path("file").asText());
    assertTrue(Files.isRegularFile(recipe), "the shipped model's recipe is missing: " + recipe);
    Path evalPart = out.resolve("recipe-eval.conf");
    Files.writeString(evalPart, ConfigFactory.parseFile(recipe.toFile()).withOnlyPath("icrl.eval")
        .root().render(ConfigRenderOptions.concise()));
    EvalSettings s = EvalSettings.fromConfig(StrictConfig.load(evalPart, List.of(
        "icrl.eval.modes=[online]", "icrl.eval.agents=[random]", "icrl.eval.episodes=10",
        "icrl.eval.seeds=5", "icrl.eval.held-out-anymdp.count=4", "icrl.eval.threads=2")));
    try (LearnerModelSource model = CheckpointModels.open(MODEL, s.model(), s.effectiveThreads(),
        Optional.empty())) {
      List<String> tasks = TaskSelection.resolve(List.of(), List.of("held-out-anymdp"), s,
          model.trainingRange());
      SweepResult r = Sweep.run(new SweepRequest(tasks, s, TaskRegistry.standard()::make,
          Optional.of(model), model.trainingRange(), out), SweepListener.NONE);
      double first = meanScore(r, "model", 1);
      double tenth = meanScore(r, "model", 10);
      double random = meanScore(r, "random", 10);
      String scores = String.format("model episode 1 %.3f, episode 10 %.3f; random episode 10 %.3f",
          first, tenth, random);
      assertTrue(tenth > first, scores);
      assertTrue(tenth > random, scores);
    }
  }

  /** Mean normalized score of {@code agent} at {@code episode} over every task and seed. */
  private static double meanScore(SweepResult r, String agent, int episode) {
    double sum = 0;
    int n = 0;
    for (CellResult c : r.cells()) {
      if (c.cell().agent().equals(agent)) {
        sum += c.episodes().get(episode - 1).score();
        n++;
      }
    }
    assertTrue(n > 0, "no runs of " + agent);
    return sum / n;
  }
}
