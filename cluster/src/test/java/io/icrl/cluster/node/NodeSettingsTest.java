package io.icrl.cluster.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import io.icrl.core.InvalidInputException;
import io.icrl.core.StrictConfig;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NodeSettingsTest {
  @Test
  void seedNodesParse() {
    assertEquals(new SeedNode("127.0.0.1", 25520), SeedNode.parse("127.0.0.1:25520", "x"));
    assertEquals(new SeedNode("node-a.local", 1), SeedNode.parse(" node-a.local:1 ", "x"));
    assertEquals(new SeedNode("::1", 25520), SeedNode.parse("[::1]:25520", "x"));
    assertEquals(new SeedNode("10.0.0.2", 25520),
        SeedNode.parse("pekko://icrl@10.0.0.2:25520", "x"));
    assertEquals("pekko://icrl@[::1]:7", new SeedNode("::1", 7).address("icrl"));
    for (String bad : List.of("127.0.0.1", "127.0.0.1:", ":25520", "host:port", "h:0",
        "h:70000", "::1:25520", "a b:1", "pekko://nohost")) {
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> SeedNode.parse(bad, "--seed-nodes"), bad);
      assertTrue(e.getMessage().startsWith("--seed-nodes: "), e.getMessage());
      assertTrue(e.getMessage().contains(bad), e.getMessage());
    }
  }

  @Test
  void rolesParseAndUnknownRolesAreNamed() {
    assertEquals(NodeRole.LEARNER, NodeRole.parse(" Learner", "x"));
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> NodeRole.parse("trainer", "--roles"));
    assertTrue(e.getMessage().contains("'trainer'") && e.getMessage().contains("synth"));
  }

  @Test
  void settingsFromConfigAndDerivedPekkoConfig() {
    Config c = StrictConfig.load(null, List.of("icrl.cluster.node.roles=[synth,learner,synth]",
        "icrl.cluster.node.port=25600", "icrl.cluster.node.seed-nodes=[\"127.0.0.1:25520\"]",
        "icrl.cluster.node.resources.cpus=6", "icrl.cluster.node.resources.gpus=2",
        "icrl.cluster.node.exit-jvm=off"));
    NodeSettings s = NodeSettings.from(c);
    assertEquals(List.of(NodeRole.SYNTH, NodeRole.LEARNER), s.roles());
    assertEquals(List.of("synth", "learner", "cpus-6", "gpus-2"), s.clusterRoles());
    assertEquals(new NodeResources(6, 2), NodeResources.of(Set.copyOf(s.clusterRoles())));

    Config p = PekkoConfig.of(s, c);
    assertEquals("cluster", p.getString("pekko.actor.provider"));
    assertEquals("tcp", p.getString("pekko.remote.artery.transport"));
    assertEquals("127.0.0.1", p.getString("pekko.remote.artery.canonical.hostname"));
    assertEquals(25600, p.getInt("pekko.remote.artery.canonical.port"));
    assertEquals(List.of("pekko://icrl@127.0.0.1:25520"), p.getStringList("pekko.cluster.seed-nodes"));
    assertEquals(List.of("synth", "learner", "cpus-6", "gpus-2"),
        p.getStringList("pekko.cluster.roles"));
    assertEquals(false, p.getBoolean("pekko.coordinated-shutdown.exit-jvm"));
    assertEquals("org.apache.pekko.cluster.sbr.SplitBrainResolverProvider",
        p.getString("pekko.cluster.downing-provider-class"));
  }

  @Test
  void badNodeSettingsAreBadInput() {
    assertThrows(InvalidInputException.class, () -> NodeSettings.from(StrictConfig.load(null,
        List.of("icrl.cluster.node.roles=[coordinator,boss]"))));
    assertThrows(InvalidInputException.class, () -> NodeSettings.from(StrictConfig.load(null,
        List.of("icrl.cluster.node.seed-nodes=[\"localhost\"]"))));
    assertThrows(InvalidInputException.class, () -> NodeSettings.from(StrictConfig.load(null,
        List.of("icrl.cluster.node.port=-1"))));
    InvalidInputException tls = assertThrows(InvalidInputException.class,
        () -> NodeSettings.from(StrictConfig.load(null, List.of("icrl.cluster.tls.enabled=on"))));
    assertTrue(tls.getMessage().contains("icrl.cluster.tls.key-store"), tls.getMessage());
  }

  @Test
  void memberStatusLabels() {
    assertEquals("weakly_up", MembershipListener.statusLabel(
        org.apache.pekko.cluster.MemberStatus.weaklyUp()));
    assertEquals("up", MembershipListener.statusLabel(org.apache.pekko.cluster.MemberStatus.up()));
    assertEquals("preparing_for_shutdown", MembershipListener.statusLabel(
        org.apache.pekko.cluster.MemberStatus.shuttingDown()));
  }
}
