package io.icrl.eval.report;

import io.icrl.core.AtomicFiles;
import io.icrl.eval.Mode;
import io.icrl.eval.baseline.BehaviorData;
import io.icrl.eval.sweep.SweepResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * PNG plots of normalized score against episode, one per task and mode, and one per task family
 * and mode over all the family's tasks when it has several ({@link FamilySeries}): each agent's
 * mean over seeds (and tasks) as a line with its 95% interval as a translucent band; the behavior
 * data (imitation and offline) as a dashed line at its mean score. Drawn headless with XChart, plots in parallel on
 * the sweep's thread count.
 */
public final class ScorePlots {
  /** Lowest and highest mean score the y axis extends to (scores are unclipped). */
  private static final double MIN_SCORE_SHOWN = -1.0;
  private static final double MAX_SCORE_SHOWN = 2.0;
  private static final Color[] PALETTE = {new Color(0xD62728), new Color(0x1F77B4),
      new Color(0x2CA02C), new Color(0xFF7F0E), new Color(0x9467BD), new Color(0x8C564B),
      new Color(0x7F7F7F), new Color(0x17BECF), new Color(0xBCBD22)};

  private ScorePlots() {}

  /** The plot file of {@code task} in {@code mode}, relative to the output directory. */
  public static String fileName(String task, Mode mode) {
    return "plots/" + task.replaceAll("[^A-Za-z0-9._-]+", "_") + "-" + mode.id() + ".png";
  }

  /** Writes every plot under {@code outDir}; returns the relative paths written. */
  public static List<String> write(SweepResult result, Path outDir) throws IOException {
    System.setProperty("java.awt.headless", "true");
    Map<String, List<Series>> byPlot = new LinkedHashMap<>();
    for (Series s : Series.of(result)) {
      byPlot.computeIfAbsent(fileName(s.task(), s.mode()), k -> new ArrayList<>()).add(s);
    }
    for (Map.Entry<String, List<Series>> f : FamilySeries.of(result).entrySet()) {
      for (Series s : f.getValue()) {
        byPlot.computeIfAbsent(FamilySeries.fileName(f.getKey(), s.mode()),
            k -> new ArrayList<>()).add(s);
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(
        Math.max(1, Math.min(byPlot.size(), result.settings().effectiveThreads())));
    try {
      List<Future<String>> futures = new ArrayList<>();
      for (Map.Entry<String, List<Series>> e : byPlot.entrySet()) {
        futures.add(pool.submit(() -> {
          XYChart chart = chart(e.getValue(), result);
          byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
          AtomicFiles.write(outDir.resolve(e.getKey()), out -> out.write(png));
          return e.getKey();
        }));
      }
      List<String> written = new ArrayList<>();
      for (Future<String> f : futures) {
        written.add(f.get());
      }
      return written;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while drawing plots", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException("drawing plots failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static XYChart chart(List<Series> group, SweepResult result) {
    Series first = group.get(0);
    XYChart chart = new XYChartBuilder().width(900).height(540)
        .title(first.task() + " - " + first.mode().id()).xAxisTitle("episode")
        .yAxisTitle("normalized score").build();
    XYStyler st = chart.getStyler();
    // scores are unclipped: the axis spans [0, 1] and the curves' means beyond it, up to
    // [MIN_SCORE_SHOWN, MAX_SCORE_SHOWN] (intervals are cut at the axis)
    double yMin = 0;
    double yMax = 1;
    for (Series s : group) {
      for (Interval i : s.curve()) {
        if (Double.isFinite(i.mean())) {
          yMin = Math.min(yMin, i.mean());
          yMax = Math.max(yMax, i.mean());
        }
      }
    }
    yMin = Math.max(MIN_SCORE_SHOWN, yMin) - 0.02;
    yMax = Math.min(MAX_SCORE_SHOWN, yMax) + 0.02;
    st.setYAxisMin(yMin);
    st.setYAxisMax(yMax);
    st.setXAxisMin(1.0);
    st.setXAxisMax((double) Math.max(2, result.settings().episodes()));
    st.setChartBackgroundColor(Color.WHITE);
    st.setPlotGridLinesVisible(true);
    st.setLegendPosition(Styler.LegendPosition.OutsideE);
    int episodes = result.settings().episodes();
    for (Series s : group) {
      Color color = PALETTE[Math.floorMod(result.agents().indexOf(s.agent()), PALETTE.length)];
      if (s.agent().equals(BehaviorData.NAME)) {
        double mean = s.meanScore().mean();
        XYSeries line = chart.addSeries(s.agent() + " (mean)", new double[] {1, Math.max(2,
            episodes)}, new double[] {mean, mean});
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(color);
        line.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {8f, 6f}, 0f));
        continue;
      }
      Interval[] curve = s.curve();
      int n = curve.length;
      double[] x = new double[n];
      double[] y = new double[n];
      double[] band = new double[2 * n];
      double[] bandX = new double[2 * n];
      for (int i = 0; i < n; i++) {
        x[i] = i + 1;
        y[i] = curve[i].mean();
        bandX[i] = i + 1;
        band[i] = clip(curve[i].high(), yMin, yMax);
        bandX[2 * n - 1 - i] = i + 1;
        band[2 * n - 1 - i] = clip(curve[i].low(), yMin, yMax);
      }
      if (s.seeds() > 1 && n > 1) {
        XYSeries area = chart.addSeries(s.agent() + " 95%", bandX, band);
        area.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        area.setMarker(SeriesMarkers.NONE);
        area.setFillColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 50));
        area.setLineColor(new Color(0, 0, 0, 0));
        area.setShowInLegend(false);
      }
      XYSeries line = chart.addSeries(s.agent(), x, y);
      line.setMarker(SeriesMarkers.NONE);
      line.setLineColor(color);
      line.setLineWidth(2f);
    }
    return chart;
  }

  private static double clip(double v, double lo, double hi) {
    return Double.isFinite(v) ? Math.max(lo, Math.min(hi, v)) : lo;
  }
}
