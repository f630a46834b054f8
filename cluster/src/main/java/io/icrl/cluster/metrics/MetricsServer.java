package io.icrl.cluster.metrics;

import io.icrl.core.InvalidInputException;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An HTTP server exposing a node's {@link IcrlMetrics} in the Prometheus text format at {@code
 * /metrics} (and a liveness check at {@code /-/healthy}).
 */
public final class MetricsServer implements AutoCloseable {
  private final HTTPServer server;
  private final String hostname;

  private MetricsServer(HTTPServer server, String hostname) {
    this.server = server;
    this.hostname = hostname;
  }

  /**
   * Starts serving {@code metrics} on {@code hostname:port} (port 0 picks a free port).
   *
   * @throws InvalidInputException if the port is in use or the host cannot be bound
   */
  public static MetricsServer start(IcrlMetrics metrics, String hostname, int port) {
    InetAddress address;
    try {
      address = InetAddress.getByName(hostname);
    } catch (UnknownHostException e) {
      throw new InvalidInputException("metrics: unknown host '" + hostname
          + "' (setting icrl.cluster.metrics.hostname)", e);
    }
    try {
      HTTPServer server = HTTPServer.builder().inetAddress(address).port(port)
          .registry(metrics.registry()).buildAndStart();
      return new MetricsServer(server, hostname);
    } catch (BindException e) {
      throw new InvalidInputException("metrics: port " + port + " on " + hostname
          + " is already in use (choose another with --metrics-port or"
          + " icrl.cluster.metrics.port)", e);
    } catch (IOException e) {
      throw new InvalidInputException("metrics: cannot listen on " + hostname + ":" + port + ": "
          + e.getMessage(), e);
    }
  }

  /** Starts the server described by {@code settings}, or returns null if metrics are disabled. */
  public static MetricsServer start(IcrlMetrics metrics, MetricsSettings settings) {
    if (!settings.enabled()) {
      return null;
    }
    if (settings.jvm()) {
      metrics.withJvmMetrics();
    }
    return start(metrics, settings.hostname(), settings.port());
  }

  /** The port actually bound. */
  public int port() {
    return server.getPort();
  }

  /** The scrape URL. */
  public String url() {
    return "http://" + hostname + ":" + port() + "/metrics";
  }

  @Override
  public void close() {
    server.close();
  }
}
