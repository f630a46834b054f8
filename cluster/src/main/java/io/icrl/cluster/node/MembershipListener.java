package io.icrl.cluster.node;

import io.icrl.cluster.metrics.IcrlMetrics;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Subscribe;

/**
 * Follows cluster membership and reachability events and keeps {@code
 * icrl_cluster_members{role,status}} and {@code icrl_cluster_unreachable_members{role}} equal to
 * what this node sees. Members without an icrl role count under role {@code none}.
 */
public final class MembershipListener extends AbstractBehavior<ClusterEvent.ClusterDomainEvent> {
  /** Label values of {@code status}. */
  public static final List<String> STATUSES = List.of("joining", "weakly_up", "up",
      "preparing_for_shutdown", "ready_for_shutdown", "leaving", "exiting", "down");
  /** Role label for members without an icrl role. */
  public static final String NO_ROLE = "none";

  private final IcrlMetrics metrics;
  private final Map<Address, Member> members = new HashMap<>();
  private final Set<Address> unreachable = new HashSet<>();

  private MembershipListener(ActorContext<ClusterEvent.ClusterDomainEvent> context,
      IcrlMetrics metrics) {
    super(context);
    this.metrics = metrics;
    Cluster.get(context.getSystem()).subscriptions().tell(Subscribe.create(context.getSelf(),
        ClusterEvent.ClusterDomainEvent.class));
    publish();
  }

  /** The listener behaviour. */
  public static Behavior<ClusterEvent.ClusterDomainEvent> create(IcrlMetrics metrics) {
    return Behaviors.setup(ctx -> new MembershipListener(ctx, metrics));
  }

  @Override
  public Receive<ClusterEvent.ClusterDomainEvent> createReceive() {
    return newReceiveBuilder()
        .onMessage(ClusterEvent.MemberRemoved.class, e -> {
          members.remove(e.member().address());
          unreachable.remove(e.member().address());
          return publish();
        })
        .onMessage(ClusterEvent.MemberEvent.class, e -> {
          members.put(e.member().address(), e.member());
          return publish();
        })
        .onMessage(ClusterEvent.UnreachableMember.class, e -> {
          unreachable.add(e.member().address());
          members.put(e.member().address(), e.member());
          return publish();
        })
        .onMessage(ClusterEvent.ReachableMember.class, e -> {
          unreachable.remove(e.member().address());
          return publish();
        })
        .onMessage(ClusterEvent.ClusterDomainEvent.class, e -> this)
        .build();
  }

  private Behavior<ClusterEvent.ClusterDomainEvent> publish() {
    Map<String, Integer> counts = new HashMap<>();
    Map<String, Integer> lost = new HashMap<>();
    for (Member m : members.values()) {
      for (String role : icrlRoles(m)) {
        counts.merge(role + "|" + statusLabel(m.status()), 1, Integer::sum);
        if (unreachable.contains(m.address())) {
          lost.merge(role, 1, Integer::sum);
        }
      }
    }
    List<String> roles = new java.util.ArrayList<>(NodeRole.labels());
    roles.add(NO_ROLE);
    for (String role : roles) {
      for (String status : STATUSES) {
        metrics.clusterMembers().labelValues(role, status)
            .set(counts.getOrDefault(role + "|" + status, 0));
      }
      metrics.clusterUnreachable().labelValues(role).set(lost.getOrDefault(role, 0));
    }
    return this;
  }

  private static List<String> icrlRoles(Member m) {
    List<String> out = new java.util.ArrayList<>();
    for (String label : NodeRole.labels()) {
      if (m.hasRole(label)) {
        out.add(label);
      }
    }
    return out.isEmpty() ? List.of(NO_ROLE) : out;
  }

  /** {@code WeaklyUp} -> {@code weakly_up}. */
  static String statusLabel(MemberStatus status) {
    String name = status.toString();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char ch = name.charAt(i);
      if (Character.isUpperCase(ch) && i > 0) {
        sb.append('_');
      }
      sb.append(Character.toLowerCase(ch));
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }
}
