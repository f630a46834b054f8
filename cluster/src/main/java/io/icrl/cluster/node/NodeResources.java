package io.icrl.cluster.node;

import java.util.List;
import java.util.Set;

/**
 * Compute resources a node offers, published to the cluster as member roles {@code cpus-N} and
 * {@code gpus-N} so any node can see what every member has ({@link #of(Set)}).
 */
public record NodeResources(int cpus, int gpus) {
  static final String CPUS = "cpus-";
  static final String GPUS = "gpus-";

  public NodeResources {
    if (cpus < 0 || gpus < 0) {
      throw new IllegalArgumentException("resources must be >= 0");
    }
  }

  /** The cluster roles announcing these resources. */
  public List<String> roles() {
    return List.of(CPUS + cpus, GPUS + gpus);
  }

  /** Resources announced in a member's roles (0 where absent). */
  public static NodeResources of(Set<String> memberRoles) {
    int cpus = 0;
    int gpus = 0;
    for (String r : memberRoles) {
      if (r.startsWith(CPUS)) {
        cpus = parse(r.substring(CPUS.length()));
      } else if (r.startsWith(GPUS)) {
        gpus = parse(r.substring(GPUS.length()));
      }
    }
    return new NodeResources(cpus, gpus);
  }

  private static int parse(String s) {
    try {
      return Math.max(0, Integer.parseInt(s));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
