package io.icrl.cli;

import com.typesafe.config.Config;
import io.icrl.cluster.job.Coordinator;
import io.icrl.cluster.node.IcrlNode;
import io.icrl.cluster.node.SeedNode;
import io.icrl.core.InvalidInputException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;

/**
 * A short-lived cluster member without roles (ephemeral port, no metrics) that talks to the
 * coordinator singleton on behalf of the {@code job} commands, then leaves.
 */
final class JobClient implements AutoCloseable {
  private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(30);

  private final IcrlNode node;

  private JobClient(IcrlNode node) {
    this.node = node;
  }

  /** Joins the cluster at {@code cluster} (HOST:PORT of any member). */
  static JobClient connect(ConfigOptions options, String cluster) {
    SeedNode seed = SeedNode.parse(cluster, "--cluster");
    List<String> sets = new ArrayList<>(List.of("icrl.cluster.node.roles=[]",
        "icrl.cluster.node.port=0", "icrl.cluster.node.exit-jvm=off",
        "icrl.cluster.metrics.enabled=off",
        "icrl.cluster.node.seed-nodes=" + Hocon.list(List.of(seed.host() + ":" + seed.port()))));
    Config c = options.load(sets);
    IcrlNode node = IcrlNode.start(c);
    try {
      node.awaitUp(JOIN_TIMEOUT);
    } catch (IllegalStateException e) {
      node.close();
      throw new InvalidInputException("--cluster " + cluster + ": could not join the cluster"
          + " within " + JOIN_TIMEOUT.toSeconds() + " s (is a node running there, with the same"
          + " icrl.cluster.system-name and TLS settings?)", e);
    }
    return new JobClient(node);
  }

  /** Asks the coordinator and waits at most {@code timeout} for the reply. */
  <T> T ask(Function<ActorRef<T>, Coordinator.Command> message, Duration timeout) {
    try {
      return AskPattern.<Coordinator.Command, T>ask(node.coordinator(), message::apply, timeout,
          node.system().scheduler()).toCompletableFuture()
          .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("no answer from the coordinator within " + timeout
          + " (does the cluster have a node with role coordinator?)", e);
    }
  }

  /** The client's own cluster member. */
  IcrlNode node() {
    return node;
  }

  @Override
  public void close() {
    node.close();
  }
}
