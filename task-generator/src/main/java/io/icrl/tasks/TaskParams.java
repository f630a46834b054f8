package io.icrl.tasks;

import io.icrl.core.InvalidInputException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A parsed task id: a name (a Gymnasium id such as {@code FrozenLake-v1}, or a generator such as
 * {@code anymdp}) and parameters after a colon, {@code name:key=value,key=value}.
 *
 * <p>Typed getters record which keys were read; {@link #requireAllUsed(Set)} then rejects any key the
 * task does not know, naming the allowed ones.
 */
public final class TaskParams {
  private final String id;
  private final String name;
  private final Map<String, String> values;
  private final Set<String> used = new LinkedHashSet<>();

  private TaskParams(String id, String name, Map<String, String> values) {
    this.id = id;
    this.name = name;
    this.values = values;
  }

  /** Parses {@code name[:k=v,k=v...]}. */
  public static TaskParams parse(String id) {
    if (id == null || id.isBlank()) {
      throw new InvalidInputException("empty task id");
    }
    String trimmed = id.trim();
    int colon = trimmed.indexOf(':');
    String name = colon < 0 ? trimmed : trimmed.substring(0, colon);
    if (name.isEmpty()) {
      throw new InvalidInputException("task id '" + id + "' has no name before ':'");
    }
    Map<String, String> values = new LinkedHashMap<>();
    if (colon >= 0) {
      String rest = trimmed.substring(colon + 1);
      if (rest.isBlank()) {
        throw new InvalidInputException("task id '" + id + "': nothing after ':' (expected key=value"
            + " pairs separated by commas)");
      }
      for (String part : rest.split(",", -1)) {
        int eq = part.indexOf('=');
        if (eq <= 0 || eq == part.length() - 1) {
          throw new InvalidInputException("task id '" + id + "': malformed parameter '" + part
              + "' (expected key=value)");
        }
        String key = part.substring(0, eq).trim();
        String value = part.substring(eq + 1).trim();
        if (values.put(key, value) != null) {
          throw new InvalidInputException("task id '" + id + "': parameter '" + key
              + "' given twice");
        }
      }
    }
    return new TaskParams(trimmed, name, values);
  }

  /** The id as given. */
  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public boolean has(String key) {
    return values.containsKey(key);
  }

  public Map<String, String> values() {
    return Collections.unmodifiableMap(values);
  }

  public String getString(String key, String dflt) {
    used.add(key);
    return values.getOrDefault(key, dflt);
  }

  public int getInt(String key, int dflt) {
    used.add(key);
    String v = values.get(key);
    if (v == null) {
      return dflt;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new InvalidInputException("task id '" + id + "': parameter " + key + "=" + v
          + " is not an integer");
    }
  }

  /** An integer parameter that must be positive. */
  public int getPositiveInt(String key, int dflt) {
    int v = getInt(key, dflt);
    if (v <= 0) {
      throw new InvalidInputException("task id '" + id + "': parameter " + key + "=" + v
          + " must be positive");
    }
    return v;
  }

  public long getLong(String key, long dflt) {
    used.add(key);
    String v = values.get(key);
    if (v == null) {
      return dflt;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new InvalidInputException("task id '" + id + "': parameter " + key + "=" + v
          + " is not an integer");
    }
  }

  public double getDouble(String key, double dflt) {
    used.add(key);
    String v = values.get(key);
    if (v == null) {
      return dflt;
    }
    try {
      double d = Double.parseDouble(v);
      if (!Double.isFinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new InvalidInputException("task id '" + id + "': parameter " + key + "=" + v
          + " is not a finite number");
    }
  }

  public boolean getBoolean(String key, boolean dflt) {
    used.add(key);
    String v = values.get(key);
    if (v == null) {
      return dflt;
    }
    return switch (v.toLowerCase()) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw new InvalidInputException("task id '" + id + "': parameter " + key + "=" + v
          + " is not a boolean (true or false)");
    };
  }

  /** Fails if a parameter was given that no getter read; {@code allowed} is listed in the error. */
  public void requireAllUsed(Set<String> allowed) {
    for (String key : values.keySet()) {
      if (!used.contains(key)) {
        throw new InvalidInputException("task id '" + id + "': unknown parameter '" + key + "' for "
            + name + (allowed.isEmpty() ? " (it takes no parameters)" : "; known: "
            + String.join(", ", allowed)));
      }
    }
  }

  /** Fails if a parameter was given that no getter read. */
  public void requireAllUsed() {
    requireAllUsed(used);
  }
}
