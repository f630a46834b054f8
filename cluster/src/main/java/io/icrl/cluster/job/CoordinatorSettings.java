package io.icrl.cluster.job;

import com.typesafe.config.Config;
import io.icrl.core.Settings;

/**
 * {@code icrl.cluster.coordinator}.
 *
 * @param reissueOnUnreachable re-issue a worker's unit as soon as its node becomes unreachable
 *     (not only when it is removed); duplicates are harmless since completions are deduplicated
 */
public record CoordinatorSettings(boolean reissueOnUnreachable) {
  private static final String P = "icrl.cluster.coordinator.";

  /** Reads {@code icrl.cluster.coordinator} from a loaded config. */
  public static CoordinatorSettings from(Config c) {
    return new CoordinatorSettings(Settings.bool(c, P + "reissue-on-unreachable"));
  }
}
