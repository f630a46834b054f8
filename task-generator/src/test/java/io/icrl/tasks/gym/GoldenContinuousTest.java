package io.icrl.tasks.gym;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.icrl.tasks.TaskRegistry;
import io.icrl.tasks.env.ContinuousEnv;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Gymnasium's Pendulum and MountainCar rollouts replayed from their initial observations: every
 * observation and reward within 1e-4, the flags equal.
 */
class GoldenContinuousTest {
  private static final double TOL = 1e-4;

  @ParameterizedTest(name = "{0} replays {1}")
  @CsvSource({
    "Pendulum-v1, pendulum_rollouts.json, golden",
    "MountainCar-v0, mountaincar_rollouts.json, golden",
    "MountainCar-v0, mountaincar_goal_rollout.json, resource",
  })
  void rolloutsReplay(String id, String file, String where) {
    JsonNode ref = where.equals("golden") ? ReferenceData.golden(file)
        : ReferenceData.resource(file);
    ContinuousEnv env = TaskRegistry.standard().make(id).newContinuousEnv();
    assertEquals(ref.get("max_episode_steps").asInt(), env.maxEpisodeSteps());
    int rollouts = 0;
    for (JsonNode rollout : ref.get("rollouts")) {
      JsonNode steps = rollout.get("steps");
      double[][] actions = new double[steps.size()][];
      for (int i = 0; i < steps.size(); i++) {
        JsonNode a = steps.get(i).get("action");
        actions[i] = a.isArray() ? new double[] {a.get(0).asDouble()} : new double[] {a.asDouble()};
      }
      List<ReplayStep> got = Replay.run(env, numbers(rollout.get("initial_obs")), actions);
      assertEquals(steps.size(), got.size());
      for (int i = 0; i < steps.size(); i++) {
        JsonNode want = steps.get(i);
        String where2 = id + " seed " + rollout.get("seed").asInt() + " step " + i;
        double[] obs = numbers(want.get("obs"));
        for (int j = 0; j < obs.length; j++) {
          assertEquals(obs[j], got.get(i).obs()[j], TOL, where2 + " obs[" + j + "]");
        }
        assertEquals(want.get("reward").asDouble(), got.get(i).reward(), TOL, where2 + " reward");
        assertEquals(want.get("terminated").asBoolean(), got.get(i).terminated(),
            where2 + " terminated");
        assertEquals(want.get("truncated").asBoolean(), got.get(i).truncated(),
            where2 + " truncated");
      }
      rollouts++;
    }
    assertTrue(rollouts > 0);
  }

  private static double[] numbers(JsonNode arr) {
    double[] out = new double[arr.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = arr.get(i).asDouble();
    }
    return out;
  }
}
