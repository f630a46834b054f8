package io.icrl.cluster.node;

import com.typesafe.config.Config;
import io.icrl.core.InvalidInputException;
import io.icrl.core.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code icrl.cluster.tls}: TLS for cluster remoting (Artery {@code tls-tcp}). Every node needs a
 * key store with its key and certificate and a trust store with the certificates (or CA) it
 * accepts; with mutual authentication both sides verify each other.
 */
public record TlsSettings(boolean enabled, String keyStore, String keyStorePassword,
    String keyPassword, String trustStore, String trustStorePassword, String protocol,
    List<String> enabledAlgorithms, boolean requireMutualAuthentication,
    boolean hostnameVerification) {
  private static final String P = "icrl.cluster.tls.";

  public TlsSettings {
    enabledAlgorithms = List.copyOf(enabledAlgorithms);
    if (enabled) {
      requireFile(keyStore, "key-store");
      requireFile(trustStore, "trust-store");
      if (enabledAlgorithms.isEmpty()) {
        throw new InvalidInputException("setting " + P + "enabled-algorithms must not be empty");
      }
    }
  }

  /** Reads {@code icrl.cluster.tls} from a loaded config. */
  public static TlsSettings from(Config c) {
    return new TlsSettings(Settings.bool(c, P + "enabled"), Settings.string(c, P + "key-store"),
        Settings.string(c, P + "key-store-password"), Settings.string(c, P + "key-password"),
        Settings.string(c, P + "trust-store"), Settings.string(c, P + "trust-store-password"),
        Settings.string(c, P + "protocol"), Settings.stringList(c, P + "enabled-algorithms"),
        Settings.bool(c, P + "require-mutual-authentication"),
        Settings.bool(c, P + "hostname-verification"));
  }

  private static void requireFile(String path, String key) {
    if (path == null || path.isBlank()) {
      throw new InvalidInputException("setting " + P + key + " is required when " + P
          + "enabled = on");
    }
    if (!Files.isRegularFile(Path.of(path))) {
      throw new InvalidInputException("setting " + P + key + ": file not found: " + path);
    }
  }
}
