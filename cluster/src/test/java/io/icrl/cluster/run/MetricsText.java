package io.icrl.cluster.run;

import io.icrl.cluster.metrics.IcrlMetrics;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads series values out of the Prometheus text format (tests). */
final class MetricsText {
  private MetricsText() {}

  /** The registry of {@code metrics} in the text format. */
  static String render(IcrlMetrics metrics) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      PrometheusTextFormatWriter.create().write(out, metrics.registry().scrape());
      return out.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The value of the series written exactly as {@code series} (name and labels), or NaN. */
  static double value(String text, String series) {
    for (String line : text.split("\n")) {
      if (line.startsWith(series + " ")) {
        return Double.parseDouble(line.substring(series.length() + 1).trim().split(" ")[0]);
      }
    }
    return Double.NaN;
  }
}
