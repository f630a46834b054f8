package io.icrl.cluster.node;

import com.typesafe.config.Config;
import io.icrl.core.InvalidInputException;
import io.icrl.core.Settings;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * {@code icrl.cluster.system-name} and {@code icrl.cluster.node}: who a node is and how it joins.
 *
 * @param systemName Pekko actor system name, equal on all nodes of a cluster
 * @param hostname address to bind and advertise for remoting
 * @param port remoting port (0 = ephemeral)
 * @param roles the node's icrl roles
 * @param seedNodes nodes to join; empty = start a new cluster with this node alone
 * @param exitJvm exit the JVM when the node is shut down (e.g. downed by the split-brain resolver)
 * @param resources cpus and gpus the node offers (cpus 0 in config = all available processors)
 */
public record NodeSettings(String systemName, String hostname, int port, List<NodeRole> roles,
    List<SeedNode> seedNodes, boolean exitJvm, NodeResources resources, TlsSettings tls) {
  private static final String P = "icrl.cluster.node.";

  public NodeSettings {
    if (!systemName.matches("[A-Za-z0-9][A-Za-z0-9_-]*")) {
      throw new InvalidInputException("setting icrl.cluster.system-name = '" + systemName
          + "': expected letters, digits, '-' and '_'");
    }
    if (port < 0 || port > 65535) {
      throw new InvalidInputException("setting " + P + "port = " + port
          + ": expected a TCP port in 0..65535");
    }
    if (hostname.isBlank()) {
      throw new InvalidInputException("setting " + P + "hostname must not be empty");
    }
    roles = List.copyOf(new LinkedHashSet<>(roles));
    seedNodes = List.copyOf(seedNodes);
  }

  /** Reads the node settings from a loaded config. */
  public static NodeSettings from(Config c) {
    List<NodeRole> roles = new ArrayList<>();
    for (String r : Settings.stringList(c, P + "roles")) {
      roles.add(NodeRole.parse(r, "setting " + P + "roles"));
    }
    List<SeedNode> seeds = new ArrayList<>();
    for (String s : Settings.stringList(c, P + "seed-nodes")) {
      seeds.add(SeedNode.parse(s, "setting " + P + "seed-nodes"));
    }
    int cpus = Settings.nonNegativeInt(c, P + "resources.cpus");
    int gpus = Settings.nonNegativeInt(c, P + "resources.gpus");
    return new NodeSettings(Settings.string(c, "icrl.cluster.system-name"),
        Settings.string(c, P + "hostname"), Settings.integer(c, P + "port"), roles, seeds,
        Settings.bool(c, P + "exit-jvm"),
        new NodeResources(cpus == 0 ? Runtime.getRuntime().availableProcessors() : cpus, gpus),
        TlsSettings.from(c));
  }

  /** Whether the node holds {@code role}. */
  public boolean has(NodeRole role) {
    return roles.contains(role);
  }

  /** The Pekko cluster roles: icrl roles plus the resource roles. */
  public List<String> clusterRoles() {
    List<String> out = new ArrayList<>();
    roles.forEach(r -> out.add(r.label()));
    out.addAll(resources.roles());
    return out;
  }
}
