package io.icrl.synth.behavior;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A model-based learner: counts of observed transitions give an estimated model (empirical
 * next-state frequencies, mean rewards, how often a transition terminated), value-iteration sweeps
 * over that model give action values, and acting is optimistic sampling in the style of optimistic
 * Thompson sampling (xenoverse's AnyMDP MBRL solver): {@code argmax_a Q(s,a) + U(0,1) * c *
 * sigma_r / sqrt(n(s,a))}, with {@code c} given already divided by {@code 1 - gamma}.
 *
 * <p>Unvisited actions are valued optimistically at {@code max observed reward / (1 - gamma)}.
 * Planning ({@code sweeps} Gauss-Seidel sweeps) runs at every episode end and every {@code
 * replanInterval} transitions. The model is sparse: per (s, a) only the next states seen so far.
 */
public final class ModelLearner implements TransitionObserver {
  private final int states;
  private final int actions;
  private final double gamma;
  private final double bonus;
  private final int sweeps;
  private final int replanInterval;
  private final int[][] nextStates;
  private final int[][] counts;
  private final int[][] terminations;
  private final int[] outcomes;
  private final double[] visits;
  private final double[] rewardSum;
  private final double[] q;
  private final double[] v;
  private double maxReward = Double.NEGATIVE_INFINITY;
  private double meanR;
  private double meanR2;
  private long rewardCount;
  private double rewardStd = 0.01;
  private int sincePlan;

  public ModelLearner(int states, int actions, double gamma, double c, int sweeps,
      int replanInterval) {
    this.states = states;
    this.actions = actions;
    this.gamma = gamma;
    this.bonus = c / (1.0 - gamma);
    this.sweeps = sweeps;
    this.replanInterval = replanInterval;
    int rows = states * actions;
    this.nextStates = new int[rows][];
    this.counts = new int[rows][];
    this.terminations = new int[rows][];
    this.outcomes = new int[rows];
    this.visits = new double[rows];
    this.rewardSum = new double[rows];
    this.q = new double[rows];
    this.v = new double[states];
  }

  @Override
  public void observe(int s, int a, double r, int next, boolean terminated, boolean truncated) {
    int sa = s * actions + a;
    visits[sa] += 1.0;
    rewardSum[sa] += r;
    maxReward = Math.max(maxReward, r);
    rewardCount++;
    meanR += (r - meanR) / rewardCount;
    meanR2 += (r * r - meanR2) / rewardCount;
    rewardStd = Math.sqrt(Math.max(meanR2 - meanR * meanR, 1e-4));
    record(sa, next, terminated);
    if (terminated || truncated || ++sincePlan >= replanInterval) {
      plan();
    }
  }

  private void record(int sa, int next, boolean terminated) {
    int[] ns = nextStates[sa];
    int m = outcomes[sa];
    for (int k = 0; k < m; k++) {
      if (ns[k] == next) {
        counts[sa][k]++;
        if (terminated) {
          terminations[sa][k]++;
        }
        return;
      }
    }
    if (ns == null) {
      nextStates[sa] = ns = new int[2];
      counts[sa] = new int[2];
      terminations[sa] = new int[2];
    } else if (m == ns.length) {
      int cap = Math.min(states, m * 2);
      nextStates[sa] = ns = Arrays.copyOf(ns, cap);
      counts[sa] = Arrays.copyOf(counts[sa], cap);
      terminations[sa] = Arrays.copyOf(terminations[sa], cap);
    }
    ns[m] = next;
    counts[sa][m] = 1;
    terminations[sa][m] = terminated ? 1 : 0;
    outcomes[sa] = m + 1;
  }

  /** Runs the planning sweeps over the estimated model now. */
  public void plan() {
    sincePlan = 0;
    double optimistic = maxReward == Double.NEGATIVE_INFINITY ? 0.0 : maxReward / (1.0 - gamma);
    for (int it = 0; it < sweeps; it++) {
      for (int s = 0; s < states; s++) {
        double best = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < actions; a++) {
          int sa = s * actions + a;
          double n = visits[sa];
          double value;
          if (n == 0) {
            value = optimistic;
          } else {
            int[] ns = nextStates[sa];
            int[] cnt = counts[sa];
            int[] term = terminations[sa];
            double cont = 0;
            for (int k = 0, m = outcomes[sa]; k < m; k++) {
              cont += (cnt[k] - term[k]) * v[ns[k]];
            }
            value = (rewardSum[sa] + gamma * cont) / n;
          }
          q[sa] = value;
          best = Math.max(best, value);
        }
        v[s] = best;
      }
    }
  }

  /** Optimistic sampling: the action maximizing {@code Q + U(0,1) * bonus}. */
  public int act(int s, SplittableRandom rng) {
    int base = s * actions;
    int best = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int a = 0; a < actions; a++) {
      double score = q[base + a]
          + rng.nextDouble() * bonus * rewardStd / Math.sqrt(visits[base + a] + 1.0);
      if (score > bestScore) {
        bestScore = score;
        best = a;
      }
    }
    return best;
  }

  /** The greedy action under the current estimate (lowest index on ties). */
  public int greedy(int s) {
    int base = s * actions;
    int best = 0;
    for (int a = 1; a < actions; a++) {
      if (q[base + a] > q[base + best]) {
        best = a;
      }
    }
    return best;
  }

  /** Estimated probability of reaching {@code next} from (s, a), or 0 if (s, a) was never tried. */
  public double estimatedProbability(int s, int a, int next) {
    int sa = s * actions + a;
    for (int k = 0; k < outcomes[sa]; k++) {
      if (nextStates[sa][k] == next) {
        return counts[sa][k] / visits[sa];
      }
    }
    return 0;
  }
}
