package io.icrl.cli;

import com.typesafe.config.Config;
import io.icrl.cluster.job.ChecksumExecutor;
import io.icrl.cluster.job.UnitExecutor;
import io.icrl.cluster.node.IcrlNode;
import io.icrl.cluster.node.NodeRole;
import io.icrl.cluster.node.NodeSettings;
import io.icrl.cluster.node.SeedNode;
import io.icrl.cluster.run.RunRoles;
import io.icrl.core.InvalidInputException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code icrl node start}: starts a node, joins the cluster and blocks until the node is
 * terminated (SIGTERM/Ctrl-C leaves the cluster gracefully). Nodes run the workers of the run
 * pipeline for their roles ({@link RunRoles}); nodes with role synth or evaluator also run workers
 * for the diagnostic {@code checksum} job kind.
 */
@Command(name = "start", mixinStandardHelpOptions = true,
    description = "Start a cluster node and block until it is terminated.")
final class NodeStartCommand implements Callable<Integer> {
  /** Work per (seed, sequence) cell of the diagnostic checksum job. */
  static final int CHECKSUM_STEPS_PER_CELL = 10_000;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  ConfigOptions config;

  @Option(names = "--roles", split = ",", paramLabel = "ROLE",
      description = "Roles of this node, comma-separated: coordinator, synth, learner, evaluator.")
  List<String> roles;

  @Option(names = "--hostname", description = "Address to bind and advertise (default 127.0.0.1).")
  String hostname;

  @Option(names = "--port", description = "Remoting port (0 = any free port).")
  Integer port;

  @Option(names = "--seed-nodes", split = ",", paramLabel = "HOST:PORT",
      description = "Nodes to join, comma-separated; none = start a new cluster.")
  List<String> seedNodes;

  @Option(names = "--metrics-port", description = "Port of the Prometheus /metrics endpoint.")
  Integer metricsPort;

  @Option(names = "--cpus", description = "CPUs this node offers (0 = all).")
  Integer cpus;

  @Option(names = "--gpus", description = "GPUs this node offers.")
  Integer gpus;

  /** The running node (visible to tests). */
  volatile IcrlNode node;

  @Override
  public Integer call() {
    List<String> sets = new ArrayList<>();
    String p = "icrl.cluster.node.";
    if (roles != null) {
      roles.forEach(r -> NodeRole.parse(r, "--roles"));
      sets.add(p + "roles=" + Hocon.list(roles));
    }
    if (seedNodes != null) {
      seedNodes.forEach(s -> SeedNode.parse(s, "--seed-nodes"));
      sets.add(p + "seed-nodes=" + Hocon.list(seedNodes));
    }
    if (hostname != null) {
      sets.add(p + "hostname=" + Hocon.string(hostname));
    }
    if (port != null) {
      checkPort("--port", port);
      sets.add(p + "port=" + port);
    }
    if (metricsPort != null) {
      checkPort("--metrics-port", metricsPort);
      sets.add("icrl.cluster.metrics.port=" + metricsPort);
    }
    if (cpus != null) {
      sets.add(p + "resources.cpus=" + cpus);
    }
    if (gpus != null) {
      sets.add(p + "resources.gpus=" + gpus);
    }
    Config c = config.load(sets);
    NodeSettings settings = NodeSettings.from(c);
    Map<String, UnitExecutor> executors = new HashMap<>();
    if (settings.has(NodeRole.SYNTH) || settings.has(NodeRole.EVALUATOR)) {
      executors.put(ChecksumExecutor.KIND, new ChecksumExecutor(CHECKSUM_STEPS_PER_CELL));
    }
    IcrlNode started = IcrlNode.start(c, executors);
    node = started;
    try {
      RunRoles.install(started, c);
    } catch (RuntimeException e) {
      started.close();
      throw e;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("node %s starting: roles %s, joining %s%n", started.address(),
        settings.clusterRoles(), settings.seedNodes().isEmpty() ? "itself (new cluster)"
            : settings.seedNodes());
    out.flush();
    started.whenUp().thenRun(() -> {
      out.printf("node %s is up%s%n", started.address(), started.metricsPort() < 0 ? ""
          : ", metrics at http://" + c.getString("icrl.cluster.metrics.hostname") + ":"
              + started.metricsPort() + "/metrics");
      out.flush();
    });
    started.awaitTermination();
    out.printf("node %s stopped%n", started.address());
    out.flush();
    return 0;
  }

  static void checkPort(String option, int port) {
    if (port < 0 || port > 65535) {
      throw new InvalidInputException(option + " " + port + ": expected a TCP port in 0..65535");
    }
  }
}
