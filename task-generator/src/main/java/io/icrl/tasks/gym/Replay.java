package io.icrl.tasks.gym;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.icrl.core.InvalidInputException;
import io.icrl.tasks.Task;
import io.icrl.tasks.env.ContinuousEnv;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays a list of actions on a continuous task from a given observation, the way the golden
 * Gymnasium rollouts are checked: the state is set from the initial observation ({@link
 * ContinuousEnv#setStateFromObservation}) and every action is applied in turn. Backs {@code icrl
 * tasks replay TASK --init-obs x,y[,z] --actions a1,a2,...}.
 */
public final class Replay {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Replay() {}

  /** Replays {@code actions} (one vector per step) on {@code env} from {@code initialObs}. */
  public static List<ReplayStep> run(ContinuousEnv env, double[] initialObs, double[][] actions) {
    env.setStateFromObservation(initialObs);
    List<ReplayStep> steps = new ArrayList<>(actions.length);
    for (int i = 0; i < actions.length; i++) {
      if (i > 0 && (env.terminated() || env.truncated())) {
        throw new InvalidInputException("the episode ended (" + (env.terminated() ? "terminated"
            : "truncated") + ") after action " + i + " but " + (actions.length - i)
            + " more action(s) were given");
      }
      double[] obs = env.step(actions[i]);
      steps.add(new ReplayStep(obs, env.reward(), env.terminated(), env.truncated()));
    }
    return steps;
  }

  /**
   * Replays scalar actions (a torque for Pendulum, an action index for MountainCar) on a fresh
   * continuous environment of {@code task}.
   */
  public static List<ReplayStep> run(Task task, double[] initialObs, double[] actions) {
    ContinuousEnv env;
    try {
      env = task.newContinuousEnv();
    } catch (UnsupportedOperationException e) {
      throw new InvalidInputException("task " + task.id() + " has no continuous environment to"
          + " replay (replay takes a continuous task such as Pendulum-v1 or MountainCar-v0)");
    }
    if (env.actionDim() != 1) {
      throw new InvalidInputException("task " + task.id() + " takes actions of dimension "
          + env.actionDim() + "; scalar actions cannot be replayed");
    }
    if (initialObs.length != env.observationDim()) {
      throw new InvalidInputException("task " + task.id() + ": the initial observation needs "
          + env.observationDim() + " values, got " + initialObs.length);
    }
    double[][] vectors = new double[actions.length][];
    for (int i = 0; i < actions.length; i++) {
      vectors[i] = new double[] {actions[i]};
    }
    return run(env, initialObs, vectors);
  }

  /** The replay as JSON: {@code {"steps":[{"obs":[..],"reward":r,"terminated":b,"truncated":b}]}}. */
  public static String toJson(List<ReplayStep> steps) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode arr = root.putArray("steps");
    for (ReplayStep s : steps) {
      ObjectNode o = arr.addObject();
      ArrayNode obs = o.putArray("obs");
      for (double v : s.obs()) {
        obs.add(v);
      }
      o.put("reward", s.reward());
      o.put("terminated", s.terminated());
      o.put("truncated", s.truncated());
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@link #run(Task, double[], double[])} as JSON. */
  public static String replayJson(Task task, double[] initialObs, double[] actions) {
    return toJson(run(task, initialObs, actions));
  }

  /** Parses comma-separated finite numbers such as {@code 0.5,-1,2}; {@code what} names the flag. */
  public static double[] parseNumbers(String csv, String what) {
    if (csv == null || csv.isBlank()) {
      throw new InvalidInputException(what + ": no numbers given");
    }
    String[] parts = csv.split(",", -1);
    double[] out = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        out[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new InvalidInputException(what + ": '" + parts[i] + "' (item " + (i + 1)
            + ") is not a number");
      }
      if (!Double.isFinite(out[i])) {
        throw new InvalidInputException(what + ": item " + (i + 1) + " is not finite");
      }
    }
    return out;
  }
}
