package io.icrl.synth.behavior;

import java.util.Arrays;

/**
 * Tabular Q-learning with a UCB-H style exploration bonus (Jin et al. 2018), as xenoverse's
 * AnyMDP Q solver does: after each transition,
 * {@code Q(s,a) += alpha * lr_n * (target - Q(s,a))} with {@code lr_n = (H + 1) / (H + n(s,a))},
 * {@code target = r + b + gamma * max_a' Q(s',a')} (or {@code r + b / (1 - gamma)} when the
 * transition terminated), and bonus {@code b = c * sigma_r * sqrt(ln(H + 1) / n(s,a))} where
 * {@code sigma_r} is the running standard deviation of rewards and {@code c} is given already
 * divided by {@code 1 - gamma}. Action values start optimistic. Acting is greedy (lowest index on
 * ties); wrappers add epsilon noise.
 */
public final class QLearner implements TransitionObserver {
  private static final int REWARD_WINDOW = 10_000;

  private final int actions;
  private final double alpha;
  private final double gamma;
  private final double bonus;
  private final double horizon;
  private final double logTerm;
  private final double[] q;
  private final double[] visits;
  private double meanR;
  private double meanR2;
  private int rewardCount;
  private double rewardStd = 0.01;

  /**
   * @param alpha base learning rate
   * @param gamma discount in [0, 1)
   * @param c bonus scale before division by {@code 1 - gamma}
   * @param horizon H of the learning-rate schedule and the bonus
   * @param initialValue initial Q is {@code initialValue / (1 - gamma)}
   */
  public QLearner(int states, int actions, double alpha, double gamma, double c, double horizon,
      double initialValue) {
    this.actions = actions;
    this.alpha = alpha;
    this.gamma = gamma;
    this.bonus = c / (1.0 - gamma);
    this.horizon = horizon;
    this.logTerm = StrictMath.log(horizon + 1.0);
    this.q = new double[states * actions];
    Arrays.fill(q, initialValue / (1.0 - gamma));
    this.visits = new double[states * actions];
    Arrays.fill(visits, 1.0);
  }

  @Override
  public void observe(int s, int a, double r, int next, boolean terminated, boolean truncated) {
    meanR = (meanR * rewardCount + r) / (rewardCount + 1);
    meanR2 = (meanR2 * rewardCount + r * r) / (rewardCount + 1);
    if (rewardCount < REWARD_WINDOW) {
      rewardCount++;
    }
    rewardStd = Math.sqrt(Math.max(meanR2 - meanR * meanR, 1e-4));
    int sa = s * actions + a;
    double n = visits[sa];
    double b = bonus * rewardStd * Math.sqrt(logTerm / n);
    double lr = (horizon + 1.0) / (horizon + n);
    double target = terminated ? r + b / (1.0 - gamma) : r + b + gamma * maxValue(next);
    q[sa] += alpha * lr * (target - q[sa]);
    visits[sa] = n + 1.0;
  }

  private double maxValue(int s) {
    int base = s * actions;
    double m = q[base];
    for (int a = 1; a < actions; a++) {
      m = Math.max(m, q[base + a]);
    }
    return m;
  }

  /** The greedy action in {@code s} (lowest index among ties). */
  public int greedy(int s) {
    int base = s * actions;
    int best = 0;
    double bestQ = q[base];
    for (int a = 1; a < actions; a++) {
      if (q[base + a] > bestQ) {
        bestQ = q[base + a];
        best = a;
      }
    }
    return best;
  }

  public double q(int s, int a) {
    return q[s * actions + a];
  }
}
