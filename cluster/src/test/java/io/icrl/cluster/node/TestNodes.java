package io.icrl.cluster.node;

import com.typesafe.config.Config;
import io.icrl.core.StrictConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Configs for test nodes: loopback, ephemeral ports, no JVM exit. */
final class TestNodes {
  private TestNodes() {}

  static Config config(String... sets) {
    List<String> all = new ArrayList<>(List.of("icrl.cluster.node.port=0",
        "icrl.cluster.node.exit-jvm=off", "icrl.cluster.metrics.port=0",
        "icrl.cluster.metrics.jvm=off", "icrl.cluster.node.resources.cpus=1"));
    all.addAll(Arrays.asList(sets));
    return StrictConfig.load(null, all);
  }

  static String seed(IcrlNode node) {
    return "icrl.cluster.node.seed-nodes=[\"127.0.0.1:" + node.port() + "\"]";
  }
}
