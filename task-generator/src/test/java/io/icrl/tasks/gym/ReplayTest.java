package io.icrl.tasks.gym;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icrl.core.InvalidInputException;
import io.icrl.tasks.Task;
import io.icrl.tasks.TaskRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayTest {
  private static final TaskRegistry REGISTRY = TaskRegistry.standard();

  @Test
  void replaysAndPrintsJson() throws Exception {
    Task task = REGISTRY.make("MountainCar-v0");
    String json = Replay.replayJson(task, Replay.parseNumbers("-0.5,0", "--init-obs"),
        Replay.parseNumbers("2,2,0", "--actions"));
    JsonNode root = new ObjectMapper().readTree(json);
    assertEquals(1, root.size());
    JsonNode steps = root.get("steps");
    assertEquals(3, steps.size());
    for (JsonNode s : steps) {
      assertEquals(2, s.get("obs").size());
      assertEquals(-1.0, s.get("reward").asDouble());
      assertTrue(s.get("terminated").isBoolean());
      assertTrue(s.get("truncated").isBoolean());
    }
    // first step by hand: v = 0.001 - 0.0025 cos(-1.5), x = -0.5 + v
    double v = 0.001 - 0.0025 * Math.cos(-1.5);
    assertEquals((float) (-0.5 + v), steps.get(0).get("obs").get(0).asDouble(), 0);
    assertEquals((float) v, steps.get(0).get("obs").get(1).asDouble(), 0);
    assertTrue(json.startsWith("{\"steps\":[{\"obs\":["), json);
  }

  @Test
  void pendulumReplayMatchesDirectStepping() {
    Task task = REGISTRY.make("Pendulum-v1");
    double[] init = {0.0, 1.0, 0.5};
    List<ReplayStep> steps = Replay.run(task, init, new double[] {1.0, -2.0});
    PendulumEnv env = new PendulumEnv();
    env.setStateFromObservation(init);
    assertArrayEquals(env.step(new double[] {1.0}), steps.get(0).obs());
    assertEquals(env.reward(), steps.get(0).reward());
    // reward of the first step: theta = pi / 2, thetadot = 0.5, u = 1
    assertEquals(-(Math.PI * Math.PI / 4 + 0.1 * 0.25 + 0.001), steps.get(0).reward(), 1e-12);
    assertArrayEquals(env.step(new double[] {-2.0}), steps.get(1).obs());
  }

  @Test
  void badReplayInputsAreClearErrors() {
    Task car = REGISTRY.make("MountainCar-v0");
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> Replay.run(car, new double[] {-0.5}, new double[] {1}));
    assertTrue(e.getMessage().contains("needs 2 values"), e.getMessage());
    e = assertThrows(InvalidInputException.class,
        () -> Replay.run(car, new double[] {-0.5, 0}, new double[] {3}));
    assertTrue(e.getMessage().contains("must be 0, 1 or 2"), e.getMessage());
    e = assertThrows(InvalidInputException.class,
        () -> Replay.run(REGISTRY.make("Taxi-v4"), new double[] {1}, new double[] {1}));
    assertTrue(e.getMessage().contains("no continuous environment"), e.getMessage());
    double[] tooMany = new double[201];
    e = assertThrows(InvalidInputException.class,
        () -> Replay.run(REGISTRY.make("Pendulum-v1"), new double[] {1, 0, 0}, tooMany));
    assertTrue(e.getMessage().contains("episode ended (truncated) after action 200"),
        e.getMessage());
    e = assertThrows(InvalidInputException.class,
        () -> Replay.parseNumbers("1,x,3", "--actions"));
    assertTrue(e.getMessage().contains("'x' (item 2)"), e.getMessage());
    assertThrows(InvalidInputException.class, () -> Replay.parseNumbers(" ", "--init-obs"));
  }
}
