/**
 * Prometheus metrics of an icrl node: the {@link io.icrl.cluster.metrics.IcrlMetrics} families
 * every component updates, and the HTTP endpoint that serves them as {@code /metrics}.
 */
package io.icrl.cluster.metrics;
