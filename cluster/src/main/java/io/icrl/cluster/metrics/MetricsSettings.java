package io.icrl.cluster.metrics;

import com.typesafe.config.Config;
import io.icrl.core.InvalidInputException;
import io.icrl.core.Settings;

/**
 * {@code icrl.cluster.metrics}: whether and where a node serves {@code /metrics}.
 *
 * @param enabled serve metrics over HTTP
 * @param hostname address to bind (loopback by default; separate from cluster remoting)
 * @param port TCP port, 0 for an ephemeral one
 * @param jvm include JVM metrics
 */
public record MetricsSettings(boolean enabled, String hostname, int port, boolean jvm) {
  private static final String P = "icrl.cluster.metrics.";

  public MetricsSettings {
    if (port < 0 || port > 65535) {
      throw new InvalidInputException("setting " + P + "port = " + port
          + ": expected a TCP port in 0..65535");
    }
    if (hostname == null || hostname.isBlank()) {
      throw new InvalidInputException("setting " + P + "hostname: expected a host name or IP");
    }
  }

  /** Reads {@code icrl.cluster.metrics} from a loaded config. */
  public static MetricsSettings from(Config c) {
    return new MetricsSettings(Settings.bool(c, P + "enabled"), Settings.string(c, P + "hostname"),
        Settings.integer(c, P + "port"), Settings.bool(c, P + "jvm"));
  }
}
