package io.icrl.eval;

import io.icrl.core.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the agent's context is prepared before it acts.
 *
 * <ul>
 *   <li>{@link #ONLINE}: empty context; the agent's own experience fills it.
 *   <li>{@link #IMITATION}: the context first holds K demonstration episodes of a given policy.
 *   <li>{@link #OFFLINE}: the context first holds N episodes of degraded data (noisy oracle or
 *       random).
 * </ul>
 */
public enum Mode {
  ONLINE, IMITATION, OFFLINE;

  /** The lower-case name used in CLI flags, config and output files. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when the mode fills the context with data before the agent acts. */
  public boolean hasContextData() {
    return this != ONLINE;
  }

  /** Parses one mode name ({@code online}, {@code imitation}, {@code offline}). */
  public static Mode parse(String s) {
    for (Mode m : values()) {
      if (m.id().equals(s.trim().toLowerCase(Locale.ROOT))) {
        return m;
      }
    }
    throw new InvalidInputException("unknown evaluation mode '" + s + "'; known: online, imitation,"
        + " offline");
  }

  /** Parses a comma-separated list of modes, keeping order and rejecting duplicates. */
  public static List<Mode> parseList(String csv) {
    List<Mode> out = new ArrayList<>();
    for (String part : csv.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      Mode m = parse(part);
      if (out.contains(m)) {
        throw new InvalidInputException("mode '" + m.id() + "' listed twice in '" + csv + "'");
      }
      out.add(m);
    }
    if (out.isEmpty()) {
      throw new InvalidInputException("no evaluation mode given in '" + csv + "'");
    }
    return out;
  }
}
