package io.icrl.cluster.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icrl.core.InvalidInputException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class MetricsServerTest {
  static String get(String url) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode());
    return r.body();
  }

  /** The value of the sample line {@code series} (name with labels) in Prometheus text. */
  static Double sample(String text, String series) {
    for (String line : text.split("\n")) {
      if (line.startsWith(series + " ")) {
        return Double.parseDouble(line.substring(series.length() + 1).trim().split(" ")[0]);
      }
    }
    return null;
  }

  @Test
  void servesUpdatedMetricsOnAnEphemeralPort() throws Exception {
    IcrlMetrics metrics = IcrlMetrics.create();
    try (MetricsServer server = MetricsServer.start(metrics,
        new MetricsSettings(true, "127.0.0.1", 0, true))) {
      assertTrue(server.port() > 0);
      metrics.stepsSynthesized().inc(1234);
      metrics.bytesStreamed().labelValues("sent").inc(4096);
      metrics.workUnits().labelValues("pending").set(7);
      metrics.evalScore().labelValues("anymdp", "greedy").set(0.75);
      metrics.backpressureSeconds().labelValues("learner_input").inc(1.5);
      metrics.clusterMembers().labelValues("synth", "up").set(2);
      String text = get(server.url());
      assertEquals(1234.0, sample(text, "icrl_synth_steps_total"));
      assertEquals(4096.0, sample(text, "icrl_stream_bytes_total{direction=\"sent\"}"));
      assertEquals(7.0, sample(text, "icrl_work_units{state=\"pending\"}"));
      assertEquals(0.75, sample(text, "icrl_eval_score{mode=\"greedy\",task=\"anymdp\"}"));
      assertEquals(1.5, sample(text, "icrl_backpressure_seconds_total{stage=\"learner_input\"}"));
      assertEquals(2.0, sample(text, "icrl_cluster_members{role=\"synth\",status=\"up\"}"));
      assertEquals(0.0, sample(text, "icrl_learner_step"), "unlabelled families start at 0");
      assertTrue(text.contains("jvm_memory_used_bytes"), "JVM metrics are served");

      metrics.stepsSynthesized().inc(6);
      assertEquals(1240.0, sample(get(server.url()), "icrl_synth_steps_total"));
    }
  }

  @Test
  void jvmMetricsCanBeLeftOut() throws Exception {
    IcrlMetrics metrics = IcrlMetrics.create();
    try (MetricsServer server = MetricsServer.start(metrics,
        new MetricsSettings(true, "127.0.0.1", 0, false))) {
      String text = get(server.url());
      assertTrue(!text.contains("jvm_memory_used_bytes"));
      assertEquals(0.0, sample(text, "icrl_learner_step"));
    }
  }

  @Test
  void disabledMetricsStartNoServer() {
    assertNull(MetricsServer.start(IcrlMetrics.create(),
        new MetricsSettings(false, "127.0.0.1", 0, true)));
  }

  @Test
  void portInUseIsBadInputNamingThePort() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> MetricsServer.start(IcrlMetrics.create(), "127.0.0.1", port));
      assertTrue(e.getMessage().contains("port " + port), e.getMessage());
      assertTrue(e.getMessage().contains("in use"), e.getMessage());
    }
  }

  @Test
  void badPortSettingIsBadInput() {
    assertThrows(InvalidInputException.class,
        () -> new MetricsSettings(true, "127.0.0.1", 70000, true));
  }
}
