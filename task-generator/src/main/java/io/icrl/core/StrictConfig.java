package io.icrl.core;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Loads icrl's HOCON configuration strictly. Layers, highest priority first: {@code --set k=v}
 * overrides, {@code -Dkey=value} system properties, the user's file, then every module's
 * {@code reference.conf} (all defaults live there, none in code).
 *
 * <p>Every key the user supplies under {@code icrl} must exist in the reference configuration and
 * have a compatible type; otherwise loading fails with an {@link InvalidInputException} naming the
 * key path, where it came from and what was expected.
 */
public final class StrictConfig {
  /** The root of every icrl setting. */
  public static final String ROOT = "icrl";

  private StrictConfig() {}

  /** Loads the configuration with no user file and no overrides. */
  public static Config defaults() {
    return load(null, List.of());
  }

  /**
   * Loads and validates the configuration.
   *
   * @param file a user HOCON file, or null
   * @param overrides {@code key=value} strings (values parsed as HOCON, e.g. {@code 3}, {@code
   *     "a b"}, {@code [1,2]})
   */
  public static Config load(Path file, List<String> overrides) {
    ConfigFactory.invalidateCaches();
    Config reference = ConfigFactory.defaultReference();
    Config user = ConfigFactory.empty();
    if (file != null) {
      if (!Files.isRegularFile(file)) {
        throw new InvalidInputException("config file not found: " + file);
      }
      try {
        user = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults()
            .setAllowMissing(false));
      } catch (ConfigException e) {
        throw new InvalidInputException("cannot parse config file " + file + ": " + e.getMessage(), e);
      }
    }
    Config sets = parseOverrides(overrides);
    Config system = ConfigFactory.systemProperties();
    Config userLayers = sets.withFallback(system).withFallback(user);
    Config merged;
    try {
      merged = userLayers.withFallback(reference).resolve();
    } catch (ConfigException e) {
      throw new InvalidInputException("invalid configuration: " + e.getMessage(), e);
    }
    checkKnownKeys(userLayers, reference);
    checkTypes(userLayers, merged, reference);
    try {
      merged.checkValid(reference, ROOT);
    } catch (ConfigException.ValidationFailed e) {
      throw new InvalidInputException(describe(e), e);
    }
    return merged;
  }

  /** Parses {@code key=value} override strings into a config layer. */
  public static Config parseOverrides(List<String> overrides) {
    Config sets = ConfigFactory.empty();
    for (String kv : overrides) {
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw new InvalidInputException("--set expects key=value, got '" + kv + "'");
      }
      String key = kv.substring(0, eq).trim();
      String value = kv.substring(eq + 1).trim();
      try {
        Config one = ConfigFactory.parseString(quoteKey(key) + " = " + valueLiteral(value),
            ConfigParseOptions.defaults().setOriginDescription("--set " + kv));
        sets = one.withFallback(sets);
      } catch (ConfigException e) {
        throw new InvalidInputException("cannot parse --set " + kv + ": " + e.getMessage(), e);
      }
    }
    return sets;
  }

  private static String quoteKey(String key) {
    if (!key.matches("[A-Za-z0-9_.-]+")) {
      throw new InvalidInputException("--set key '" + key + "' has characters other than"
          + " letters, digits, '_', '-' and '.'");
    }
    return key;
  }

  private static String valueLiteral(String value) {
    try {
      ConfigFactory.parseString("v = " + value);
      return value;
    } catch (ConfigException e) {
      return ConfigValueQuoting.quote(value);
    }
  }

  private static void checkKnownKeys(Config user, Config reference) {
    if (!user.hasPath(ROOT)) {
      return;
    }
    List<String> unknown = new ArrayList<>();
    for (Map.Entry<String, ConfigValue> e : user.getConfig(ROOT).entrySet()) {
      String path = ROOT + "." + e.getKey();
      if (!reference.hasPathOrNull(path) && !underOpenMap(reference, path)) {
        String origin = e.getValue().origin().description();
        unknown.add("unknown setting " + path + " (from " + origin + ")" + suggestion(reference, path));
      }
    }
    if (!unknown.isEmpty()) {
      throw new InvalidInputException(String.join("\n", unknown));
    }
  }

  /**
   * Typesafe Config treats a string as compatible with any type; icrl is stricter: a user value
   * must convert to the type of its reference default.
   */
  private static void checkTypes(Config user, Config merged, Config reference) {
    if (!user.hasPath(ROOT)) {
      return;
    }
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, ConfigValue> e : user.getConfig(ROOT).entrySet()) {
      String path = ROOT + "." + e.getKey();
      if (!reference.hasPath(path)) {
        continue;
      }
      com.typesafe.config.ConfigValueType want = reference.getValue(path).valueType();
      try {
        switch (want) {
          case NUMBER -> merged.getDouble(path);
          case BOOLEAN -> merged.getBoolean(path);
          case LIST -> merged.getList(path);
          case OBJECT -> merged.getObject(path);
          default -> { }
        }
      } catch (ConfigException ex) {
        problems.add("setting " + path + " = " + e.getValue().render() + " (from "
            + e.getValue().origin().description() + "): expected " + article(want));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(String.join("\n", problems));
    }
  }

  private static String article(com.typesafe.config.ConfigValueType t) {
    return switch (t) {
      case NUMBER -> "a number";
      case BOOLEAN -> "true or false";
      case LIST -> "a list";
      case OBJECT -> "an object";
      default -> "a " + t.name().toLowerCase();
    };
  }

  /** A reference object whose value is {@code {}} accepts any keys (e.g. free-form maps). */
  private static boolean underOpenMap(Config reference, String path) {
    String p = path;
    int dot;
    while ((dot = p.lastIndexOf('.')) > 0) {
      p = p.substring(0, dot);
      if (reference.hasPath(p) && reference.getValue(p) instanceof com.typesafe.config.ConfigObject o
          && o.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private static String suggestion(Config reference, String path) {
    int dot = path.lastIndexOf('.');
    String parent = path.substring(0, dot);
    if (reference.hasPath(parent)) {
      TreeSet<String> keys = new TreeSet<>(reference.getConfig(parent).root().keySet());
      return "; known keys under " + parent + ": " + String.join(", ", keys);
    }
    return "";
  }

  private static String describe(ConfigException.ValidationFailed e) {
    List<String> lines = new ArrayList<>();
    for (ConfigException.ValidationProblem p : e.problems()) {
      lines.add("setting " + p.path() + " (from " + p.origin().description() + "): "
          + p.problem());
    }
    return String.join("\n", lines);
  }
}
