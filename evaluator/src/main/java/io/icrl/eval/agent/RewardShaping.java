package io.icrl.eval.agent;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigObject;
import io.icrl.core.InvalidInputException;
import io.icrl.core.Settings;
import io.icrl.tasks.TaskParams;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An affine reshaping {@code r' = scale * r + offset} of the rewards a model sees in its context
 * (as OmniRL rescales some Gym tasks' rewards into the range its training tasks had). It never
 * touches reported returns or scores, which always use the task's true reward. Baselines see true
 * rewards.
 *
 * @param scale multiplier
 * @param offset added after scaling
 */
public record RewardShaping(double scale, double offset) {
  /** No shaping. */
  public static final RewardShaping NONE = new RewardShaping(1, 0);

  public RewardShaping {
    if (!Double.isFinite(scale) || !Double.isFinite(offset)) {
      throw new InvalidInputException("reward shaping: scale and offset must be finite, got "
          + scale + " and " + offset);
    }
  }

  public double apply(double reward) {
    return scale * reward + offset;
  }

  /**
   * Reads the per-task shaping table at {@code path}: an object whose keys are task names (the part
   * of a task id before ':', e.g. {@code "Pendulum-v1"}) and values {@code {scale, offset}}.
   */
  public static Map<String, RewardShaping> tableFromConfig(Config c, String path) {
    Map<String, RewardShaping> out = new LinkedHashMap<>();
    ConfigObject obj = c.getObject(path);
    for (String name : obj.keySet()) {
      String p = path + ".\"" + name + "\"";
      Config entry;
      try {
        entry = c.getConfig(p);
      } catch (com.typesafe.config.ConfigException e) {
        throw new InvalidInputException("setting " + p + ": expected {scale = .., offset = ..}", e);
      }
      for (String k : entry.root().keySet()) {
        if (!k.equals("scale") && !k.equals("offset")) {
          throw new InvalidInputException("setting " + p + "." + k + ": unknown key; known: scale,"
              + " offset");
        }
      }
      double scale = entry.hasPath("scale") ? Settings.number(c, p + ".scale") : 1;
      double offset = entry.hasPath("offset") ? Settings.number(c, p + ".offset") : 0;
      out.put(name, new RewardShaping(scale, offset));
    }
    return out;
  }

  /** The shaping for {@code taskId} from a table keyed by task name, or {@link #NONE}. */
  public static RewardShaping forTask(Map<String, RewardShaping> table, String taskId) {
    return table.getOrDefault(TaskParams.parse(taskId).name(), NONE);
  }
}
