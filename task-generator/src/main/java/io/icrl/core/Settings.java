package io.icrl.core;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.util.List;

/**
 * Typed, range-checked reads from a {@link Config}. Every failure is an {@link
 * InvalidInputException} naming the full key path, the offending value and what was expected, so
 * module {@code *Settings} records can be built in one readable constructor.
 */
public final class Settings {
  private Settings() {}

  public static int positiveInt(Config c, String path) {
    int v = integer(c, path);
    if (v <= 0) {
      throw bad(c, path, v, "a positive integer");
    }
    return v;
  }

  public static int nonNegativeInt(Config c, String path) {
    int v = integer(c, path);
    if (v < 0) {
      throw bad(c, path, v, "an integer >= 0");
    }
    return v;
  }

  public static int integer(Config c, String path) {
    try {
      return c.getInt(path);
    } catch (ConfigException e) {
      throw new InvalidInputException("setting " + path + ": expected an integer (" + e.getMessage()
          + ")", e);
    }
  }

  public static long longValue(Config c, String path) {
    try {
      return c.getLong(path);
    } catch (ConfigException e) {
      throw new InvalidInputException("setting " + path + ": expected an integer (" + e.getMessage()
          + ")", e);
    }
  }

  public static double number(Config c, String path) {
    try {
      return c.getDouble(path);
    } catch (ConfigException e) {
      throw new InvalidInputException("setting " + path + ": expected a number (" + e.getMessage()
          + ")", e);
    }
  }

  public static double probability(Config c, String path) {
    double v = number(c, path);
    if (!(v >= 0 && v <= 1)) {
      throw bad(c, path, v, "a probability in [0, 1]");
    }
    return v;
  }

  public static double positive(Config c, String path) {
    double v = number(c, path);
    if (!(v > 0) || Double.isInfinite(v)) {
      throw bad(c, path, v, "a finite number > 0");
    }
    return v;
  }

  public static double nonNegative(Config c, String path) {
    double v = number(c, path);
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw bad(c, path, v, "a finite number >= 0");
    }
    return v;
  }

  public static boolean bool(Config c, String path) {
    try {
      return c.getBoolean(path);
    } catch (ConfigException e) {
      throw new InvalidInputException("setting " + path + ": expected true or false (" + e.getMessage()
          + ")", e);
    }
  }

  public static String string(Config c, String path) {
    try {
      return c.getString(path);
    } catch (ConfigException e) {
      throw new InvalidInputException("setting " + path + ": expected a string (" + e.getMessage()
          + ")", e);
    }
  }

  /** A string that must be one of {@code allowed}. */
  public static String oneOf(Config c, String path, List<String> allowed) {
    String v = string(c, path);
    if (!allowed.contains(v)) {
      throw bad(c, path, v, "one of " + allowed);
    }
    return v;
  }

  public static List<Double> numberList(Config c, String path) {
    try {
      return c.getDoubleList(path);
    } catch (ConfigException e) {
      throw new InvalidInputException("setting " + path + ": expected a list of numbers ("
          + e.getMessage() + ")", e);
    }
  }

  public static List<String> stringList(Config c, String path) {
    try {
      return c.getStringList(path);
    } catch (ConfigException e) {
      throw new InvalidInputException("setting " + path + ": expected a list of strings ("
          + e.getMessage() + ")", e);
    }
  }

  private static InvalidInputException bad(Config c, String path, Object value, String expected) {
    String origin = c.hasPath(path) ? c.getValue(path).origin().description() : "?";
    return new InvalidInputException("setting " + path + " = " + value + " (from " + origin
        + "): expected " + expected);
  }
}
