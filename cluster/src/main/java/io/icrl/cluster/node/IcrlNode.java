package io.icrl.cluster.node;

import com.typesafe.config.Config;
import io.icrl.cluster.job.Coordinator;
import io.icrl.cluster.job.CoordinatorSettings;
import io.icrl.cluster.job.UnitExecutor;
import io.icrl.cluster.job.Worker;
import io.icrl.cluster.job.WorkerSettings;
import io.icrl.cluster.metrics.IcrlMetrics;
import io.icrl.cluster.metrics.MetricsServer;
import io.icrl.cluster.metrics.MetricsSettings;
import io.icrl.core.InvalidInputException;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.SpawnProtocol;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;

/**
 * A running icrl node: a typed actor system in a Pekko cluster (Artery TCP or TLS, split-brain
 * resolver downing), its metrics endpoint, the membership listener, a proxy to the coordinator
 * singleton (which runs here if the node has role {@code coordinator}) and, when executors are
 * given, workers pulling units from it.
 *
 * <pre>{@code
 * try (IcrlNode node = IcrlNode.start(StrictConfig.load(file, overrides))) {
 *   node.awaitTermination();
 * }
 * }</pre>
 */
public final class IcrlNode implements AutoCloseable {
  private static final Duration SPAWN_TIMEOUT = Duration.ofSeconds(10);
  /** Created before any actor thread exists, so logging initializes on one thread. */
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(IcrlNode.class);

  private final ActorSystem<SpawnProtocol.Command> system;
  private final NodeSettings settings;
  private final IcrlMetrics metrics;
  private final MetricsServer metricsServer;
  private final ActorRef<Coordinator.Command> coordinator;
  private final CompletableFuture<Void> up = new CompletableFuture<>();

  private IcrlNode(ActorSystem<SpawnProtocol.Command> system, NodeSettings settings,
      IcrlMetrics metrics, MetricsServer metricsServer,
      ActorRef<Coordinator.Command> coordinator) {
    this.system = system;
    this.settings = settings;
    this.metrics = metrics;
    this.metricsServer = metricsServer;
    this.coordinator = coordinator;
  }

  /** Starts a node without workers. */
  public static IcrlNode start(Config config) {
    return start(config, Map.of());
  }

  /**
   * Starts a node from a loaded icrl config (see {@code icrl.cluster} in reference.conf).
   *
   * @param executors executor per job kind; if non-empty the node runs {@code
   *     icrl.cluster.worker.slots} workers (0 = one per declared cpu) pulling units of these kinds
   * @throws InvalidInputException on bad settings, a port in use or missing TLS stores
   */
  public static IcrlNode start(Config config, Map<String, UnitExecutor> executors) {
    NodeSettings settings = NodeSettings.from(config);
    MetricsSettings metricsSettings = MetricsSettings.from(config);
    CoordinatorSettings coordinatorSettings = CoordinatorSettings.from(config);
    WorkerSettings workerSettings = WorkerSettings.from(config);
    checkPortFree(settings.hostname(), settings.port());
    LOG.debug("starting node {}:{} with roles {}", settings.hostname(), settings.port(),
        settings.clusterRoles());

    IcrlMetrics metrics = IcrlMetrics.create();
    MetricsServer server = MetricsServer.start(metrics, metricsSettings);
    ActorSystem<SpawnProtocol.Command> system;
    try {
      system = ActorSystem.create(SpawnProtocol.create(), settings.systemName(),
          PekkoConfig.of(settings, config));
    } catch (RuntimeException e) {
      if (server != null) {
        server.close();
      }
      throw translate(e, settings);
    }
    IcrlNode node;
    try {
      ActorRef<Coordinator.Command> coordinator = Coordinator.initSingleton(system,
          coordinatorSettings, metrics);
      node = new IcrlNode(system, settings, metrics, server, coordinator);
      node.spawn(MembershipListener.create(metrics), "membership");
      int slots = workerSettings.slots() == 0 ? settings.resources().cpus()
          : workerSettings.slots();
      if (!executors.isEmpty()) {
        for (int i = 0; i < slots; i++) {
          node.spawn(Worker.create(coordinator, executors, workerSettings), "worker-" + i);
        }
      }
    } catch (RuntimeException e) {
      system.terminate();
      if (server != null) {
        server.close();
      }
      throw e;
    }
    Cluster cluster = Cluster.get(system);
    org.apache.pekko.cluster.Cluster.get(system.classicSystem()).registerOnMemberUp(
        () -> node.up.complete(null));
    if (settings.seedNodes().isEmpty()) {
      cluster.manager().tell(Join.create(cluster.selfMember().address()));
    }
    system.getWhenTerminated().whenComplete((done, err) -> {
      if (server != null) {
        server.close();
      }
    });
    return node;
  }

  /** Spawns a top-level actor on this node and waits for its ref. */
  public <T> ActorRef<T> spawn(Behavior<T> behavior, String name) {
    CompletionStage<ActorRef<T>> ref = AskPattern.ask(system,
        replyTo -> new SpawnProtocol.Spawn<>(behavior, name, Props.empty(), replyTo),
        SPAWN_TIMEOUT, system.scheduler());
    try {
      return ref.toCompletableFuture().get(SPAWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while spawning " + name, e);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("cannot spawn " + name + ": " + e, e);
    }
  }

  /** The actor system. */
  public ActorSystem<SpawnProtocol.Command> system() {
    return system;
  }

  /** The node's settings. */
  public NodeSettings settings() {
    return settings;
  }

  /** The node's metrics. */
  public IcrlMetrics metrics() {
    return metrics;
  }

  /** Proxy to the coordinator singleton. */
  public ActorRef<Coordinator.Command> coordinator() {
    return coordinator;
  }

  /** This node's cluster address. */
  public Address address() {
    return Cluster.get(system).selfMember().address();
  }

  /** The remoting port actually bound. */
  public int port() {
    return (Integer) address().getPort().get();
  }

  /** The metrics port, or -1 if metrics are disabled. */
  public int metricsPort() {
    return metricsServer == null ? -1 : metricsServer.port();
  }

  /** Completes when this node's member status becomes Up. */
  public CompletionStage<Void> whenUp() {
    return up;
  }

  /** Blocks until this node is Up, or throws after {@code timeout}. */
  public IcrlNode awaitUp(Duration timeout) {
    try {
      up.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return this;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("node " + address() + " not Up after " + timeout
          + " (are the seed nodes " + settings.seedNodes() + " reachable?)", e);
    }
  }

  /** Blocks until the actor system has terminated (e.g. after SIGTERM or being downed). */
  public void awaitTermination() {
    system.getWhenTerminated().toCompletableFuture().join();
  }

  /** Leaves the cluster gracefully and stops the node (does not wait). */
  public CompletionStage<?> terminate() {
    system.terminate();
    return system.getWhenTerminated();
  }

  /** Leaves the cluster, stops the node and waits for it (at most 30 s). */
  @Override
  public void close() {
    system.terminate();
    try {
      system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      // Best effort: the system keeps shutting down in the background.
    }
    if (metricsServer != null) {
      metricsServer.close();
    }
  }

  /** Fails fast with a clear message if the remoting port is taken. */
  static void checkPortFree(String hostname, int port) {
    if (port == 0) {
      return;
    }
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getByName(hostname), port));
    } catch (BindException e) {
      throw portInUse(hostname, port, e);
    } catch (IOException e) {
      throw new InvalidInputException("cluster: cannot bind " + hostname + ":" + port + ": "
          + e.getMessage() + " (setting icrl.cluster.node.hostname/port)", e);
    }
  }

  private static InvalidInputException portInUse(String hostname, int port, Throwable cause) {
    return new InvalidInputException("cluster: port " + port + " on " + hostname + " is already"
        + " in use (choose another with --port or icrl.cluster.node.port)", cause);
  }

  private static RuntimeException translate(RuntimeException e, NodeSettings s) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException) {
        return portInUse(s.hostname(), s.port(), e);
      }
    }
    return e;
  }
}
