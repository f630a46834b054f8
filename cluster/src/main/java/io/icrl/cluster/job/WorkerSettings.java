package io.icrl.cluster.job;

import com.typesafe.config.Config;
import io.icrl.core.InvalidInputException;
import io.icrl.core.Settings;
import java.time.Duration;

/**
 * {@code icrl.cluster.worker}.
 *
 * @param slots workers per node (0 = one per declared cpu)
 * @param idleRerequest how often an idle worker repeats its request for work (covers a
 *     coordinator that moved to another node and does not know the worker yet)
 * @param reportResend how often an unacknowledged unit report is sent again
 */
public record WorkerSettings(int slots, Duration idleRerequest, Duration reportResend) {
  private static final String P = "icrl.cluster.worker.";

  public WorkerSettings {
    if (idleRerequest.isNegative() || idleRerequest.isZero() || reportResend.isNegative()
        || reportResend.isZero()) {
      throw new InvalidInputException("settings " + P + "idle-rerequest and " + P
          + "report-resend must be positive durations");
    }
  }

  /** Reads {@code icrl.cluster.worker} from a loaded config. */
  public static WorkerSettings from(Config c) {
    return new WorkerSettings(Settings.nonNegativeInt(c, P + "slots"),
        duration(c, P + "idle-rerequest"), duration(c, P + "report-resend"));
  }

  static Duration duration(Config c, String path) {
    try {
      return c.getDuration(path);
    } catch (com.typesafe.config.ConfigException e) {
      throw new InvalidInputException("setting " + path + ": expected a duration such as 5s ("
          + e.getMessage() + ")", e);
    }
  }
}
