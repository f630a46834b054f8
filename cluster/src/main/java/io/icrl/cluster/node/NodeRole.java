package io.icrl.cluster.node;

import io.icrl.core.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What a node does in the cluster; a node may hold several roles. */
public enum NodeRole {
  /** Hosts the job coordinator singleton. */
  COORDINATOR,
  /** Runs data-synth work units (behaviour policies, rollouts). */
  SYNTH,
  /** Trains the transformer. */
  LEARNER,
  /** Runs evaluation work units. */
  EVALUATOR;

  /** The role's name as used in config, on the command line and as Pekko cluster role. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** All role labels. */
  public static List<String> labels() {
    return Arrays.stream(values()).map(NodeRole::label).toList();
  }

  /**
   * Parses a role label.
   *
   * @param where what the value came from, for the error message
   */
  public static NodeRole parse(String label, String where) {
    for (NodeRole r : values()) {
      if (r.label().equals(label.trim().toLowerCase(Locale.ROOT))) {
        return r;
      }
    }
    throw new InvalidInputException(where + ": unknown role '" + label + "'; known roles: "
        + String.join(", ", labels()));
  }
}
