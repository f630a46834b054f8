package io.icrl.cluster.run;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import io.icrl.core.InvalidInputException;
import java.util.List;

/**
 * The settings a run's work units carry to the nodes that execute them: selected subtrees of the
 * driver's resolved config rendered as HOCON, read back over the reference configuration. Each
 * stage carries only what it needs, so changing, say, the learner's settings does not change the
 * synthesis job (whose manifest refuses other units).
 */
public final class RunPayload {
  /**
   * In a training unit's payload: the evaluation payload of the run, from which the learner makes
   * the evaluation jobs of its snapshots. Not a setting (a job file cannot set it).
   */
  public static final String EVAL_PAYLOAD = "icrl-run-unit.eval-payload";
  /** In an evaluation unit's payload: the step of the snapshot to evaluate (absent: final). */
  public static final String SNAPSHOT_STEP = "icrl-run-unit.snapshot-step";

  private RunPayload() {}

  /** {@code payload} with {@code path} set to {@code value} (a string, number or boolean). */
  public static String with(String payload, String path, Object value) {
    return ConfigFactory.parseString(payload)
        .withValue(path, ConfigValueFactory.fromAnyRef(value)).root()
        .render(ConfigRenderOptions.concise());
  }

  /** The subtrees {@code paths} of {@code c} as a HOCON string, plus the run directory. */
  public static String render(Config c, RunSettings run, List<String> paths) {
    Config out = ConfigFactory.empty();
    for (String p : paths) {
      out = out.withFallback(c.withOnlyPath(p));
    }
    out = out.withValue("icrl.cluster.job.output-dir",
        ConfigValueFactory.fromAnyRef(run.dir().toString()));
    out = out.withValue("icrl.cluster.job.id", ConfigValueFactory.fromAnyRef(run.id()));
    return out.root().render(ConfigRenderOptions.concise());
  }

  /** Reads a payload back into a full config (reference defaults below it). */
  public static Config parse(String payload) {
    try {
      return ConfigFactory.parseString(payload).withFallback(ConfigFactory.defaultReference())
          .resolve();
    } catch (com.typesafe.config.ConfigException e) {
      throw new InvalidInputException("malformed run payload: " + e.getMessage(), e);
    }
  }
}
