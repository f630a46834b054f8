package io.icrl.cluster.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Derives the Pekko settings of a node from its {@link NodeSettings}: cluster provider, Artery
 * transport ({@code tcp}, or {@code tls-tcp} with the key and trust stores), canonical address,
 * roles, seed nodes and {@code coordinated-shutdown.exit-jvm}. These win over {@code pekko.*}
 * values in the loaded config; every other Pekko setting (e.g. the split-brain resolver strategy in
 * reference.conf) is kept.
 */
public final class PekkoConfig {
  private PekkoConfig() {}

  /** {@code base} (the loaded icrl config) with the node's Pekko settings on top. */
  public static Config of(NodeSettings s, Config base) {
    Map<String, Object> m = new HashMap<>();
    m.put("pekko.actor.provider", "cluster");
    m.put("pekko.remote.artery.enabled", true);
    m.put("pekko.remote.artery.transport", s.tls().enabled() ? "tls-tcp" : "tcp");
    m.put("pekko.remote.artery.canonical.hostname", s.hostname());
    m.put("pekko.remote.artery.canonical.port", s.port());
    m.put("pekko.cluster.roles", s.clusterRoles());
    m.put("pekko.cluster.seed-nodes", s.seedNodes().stream()
        .map(seed -> seed.address(s.systemName())).toList());
    m.put("pekko.coordinated-shutdown.exit-jvm", s.exitJvm());
    if (s.tls().enabled()) {
      TlsSettings t = s.tls();
      String p = "pekko.remote.artery.ssl.config-ssl-engine.";
      m.put("pekko.remote.artery.ssl.ssl-engine-provider",
          "org.apache.pekko.remote.artery.tcp.ConfigSSLEngineProvider");
      m.put(p + "key-store", t.keyStore());
      m.put(p + "key-store-password", t.keyStorePassword());
      m.put(p + "key-password", t.keyPassword());
      m.put(p + "trust-store", t.trustStore());
      m.put(p + "trust-store-password", t.trustStorePassword());
      m.put(p + "protocol", t.protocol());
      m.put(p + "enabled-algorithms", List.copyOf(t.enabledAlgorithms()));
      m.put(p + "require-mutual-authentication", t.requireMutualAuthentication());
      m.put(p + "hostname-verification", t.hostnameVerification());
    }
    return ConfigFactory.parseMap(m, "icrl node settings").withFallback(base).resolve();
  }
}
