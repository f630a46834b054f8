package io.icrl.eval.report;

import io.icrl.eval.Mode;
import io.icrl.eval.sweep.CellResult;
import io.icrl.eval.sweep.EpisodeRecord;
import io.icrl.eval.sweep.SweepResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The runs (one per seed) of one agent on one task in one mode, with the statistics the summary,
 * report and plots show. Every statistic is computed per seed first, then as a mean with a 95%
 * interval over seeds.
 */
public final class Series {
  private final String task;
  private final Mode mode;
  private final String agent;
  private final List<CellResult> runs;

  public Series(String task, Mode mode, String agent, List<CellResult> runs) {
    this.task = task;
    this.mode = mode;
    this.agent = agent;
    this.runs = List.copyOf(runs);
  }

  /** Groups a sweep's cells by (task, mode, agent), in plan order. */
  public static List<Series> of(SweepResult result) {
    Map<String, List<CellResult>> groups = new LinkedHashMap<>();
    for (CellResult c : result.cells()) {
      String k = c.cell().task() + "\u0000" + c.cell().mode().id() + "\u0000" + c.cell().agent();
      groups.computeIfAbsent(k, x -> new ArrayList<>()).add(c);
    }
    List<Series> out = new ArrayList<>();
    for (List<CellResult> g : groups.values()) {
      CellResult first = g.get(0);
      out.add(new Series(first.cell().task(), first.cell().mode(), first.cell().agent(), g));
    }
    return out;
  }

  public String task() {
    return task;
  }

  public Mode mode() {
    return mode;
  }

  public String agent() {
    return agent;
  }

  public int seeds() {
    return runs.size();
  }

  /** The largest episode count of a run (E for agents, K or N for the behavior data). */
  public int episodes() {
    int n = 0;
    for (CellResult r : runs) {
      n = Math.max(n, r.episodes().size());
    }
    return n;
  }

  /** The normalized score of episode {@code e} (from 1) over the seeds that have it. */
  public Interval scoreAt(int e) {
    double[] xs = new double[runs.size()];
    int n = 0;
    for (CellResult r : runs) {
      if (e >= 1 && e <= r.episodes().size()) {
        xs[n++] = r.episodes().get(e - 1).score();
      }
    }
    return Interval.of(xs, n);
  }

  /** The score curve, episodes 1..{@link #episodes()}. */
  public Interval[] curve() {
    Interval[] c = new Interval[episodes()];
    for (int e = 1; e <= c.length; e++) {
      c[e - 1] = scoreAt(e);
    }
    return c;
  }

  /** The episodes at which the summary reports scores: 1, 5, 10 and the last, where they exist. */
  public List<Integer> reportedEpisodes() {
    TreeSet<Integer> es = new TreeSet<>();
    int last = episodes();
    for (int e : new int[] {1, 5, 10, last}) {
      if (e >= 1 && e <= last) {
        es.add(e);
      }
    }
    return new ArrayList<>(es);
  }

  /** Each seed's mean normalized score over its episodes. */
  public Interval meanScore() {
    return perSeed(true);
  }

  /** Each seed's mean true return over its episodes. */
  public Interval meanReturn() {
    return perSeed(false);
  }

  private Interval perSeed(boolean score) {
    double[] xs = new double[runs.size()];
    int n = 0;
    for (CellResult r : runs) {
      if (r.episodes().isEmpty()) {
        continue;
      }
      double sum = 0;
      for (EpisodeRecord e : r.episodes()) {
        sum += score ? e.score() : e.ret();
      }
      xs[n++] = sum / r.episodes().size();
    }
    return Interval.of(xs, n);
  }

  /**
   * The first episode at which each seed's score reaches {@code threshold}, over the seeds that
   * reach it ({@link #reached}); seeds that never do are left out (censored).
   */
  public Interval episodesToThreshold(double threshold) {
    double[] xs = new double[runs.size()];
    int n = 0;
    for (CellResult r : runs) {
      int first = firstReach(r, threshold);
      if (first > 0) {
        xs[n++] = first;
      }
    }
    return Interval.of(xs, n);
  }

  /** How many seeds reach {@code threshold} in some episode. */
  public int reached(double threshold) {
    int n = 0;
    for (CellResult r : runs) {
      if (firstReach(r, threshold) > 0) {
        n++;
      }
    }
    return n;
  }

  private static int firstReach(CellResult r, double threshold) {
    for (EpisodeRecord e : r.episodes()) {
      if (e.score() >= threshold) {
        return e.episode();
      }
    }
    return -1;
  }
}
