package io.icrl.eval.baseline;

import io.icrl.eval.agent.AgentRun;
import io.icrl.eval.agent.EvalAgent;
import io.icrl.eval.context.ContextEpisode;
import java.util.SplittableRandom;

/**
 * Q-learning with upper-confidence exploration (after UCB-Hoeffding Q-learning, Jin et al. 2018,
 * in a discounted form).
 *
 * <ul>
 *   <li>Learning rate of the n-th update of (s, a): {@code max((H + 1) / (H + n), min)}, with the
 *       effective horizon {@code H = min(step limit, 1 / (1 - gamma))}.
 *   <li>Action choice: {@code argmax_a Q(s, a) + c * width * sqrt(ln(1 + N(s)) / (1 + n(s, a)))},
 *       where {@code N(s)} counts visits of s, {@code n(s, a)} tries of a there and {@code width}
 *       is the range of rewards seen so far (at least 1e-6), so untried actions come first and the
 *       bonus shrinks as counts grow.
 * </ul>
 * Ties break at random. Terminal transitions do not bootstrap.
 */
public final class UcbQLearningAgent implements EvalAgent {
  private final UcbQSettings settings;
  private double[] q;
  private long[] tries;
  private long[] visits;
  private double[] scratch;
  private int actions;
  private double horizon;
  private double minReward;
  private double maxReward;
  private SplittableRandom rng;
  private int lastState;
  private int lastAction;

  public UcbQLearningAgent(UcbQSettings settings) {
    this.settings = settings;
  }

  @Override
  public void begin(AgentRun run) {
    actions = run.task().actions();
    int states = run.task().states();
    q = new double[states * actions];
    tries = new long[states * actions];
    visits = new long[states];
    scratch = new double[actions];
    horizon = Math.min(run.task().maxEpisodeSteps(), 1.0 / (1.0 - settings.gamma()));
    minReward = Double.POSITIVE_INFINITY;
    maxReward = Double.NEGATIVE_INFINITY;
    rng = run.rng();
  }

  @Override
  public void observeContext(ContextEpisode ep) {
    if (!settings.learnFromContext()) {
      return;
    }
    for (int i = 0; i < ep.length(); i++) {
      visits[ep.state(i)]++;
      update(ep.state(i), ep.action(i), ep.reward(i), ep.nextState(i), ep.terminatesAt(i));
    }
  }

  @Override
  public int act(int state) {
    double width = Double.isFinite(maxReward) ? Math.max(maxReward - minReward, 1e-6) : 1e-6;
    double log = StrictMath.log(1.0 + visits[state]);
    int base = state * actions;
    for (int a = 0; a < actions; a++) {
      scratch[a] = q[base + a] + settings.bonus() * width
          * StrictMath.sqrt(log / (1.0 + tries[base + a]));
    }
    lastState = state;
    lastAction = Greedy.argmax(scratch, 0, actions, rng);
    visits[state]++;
    return lastAction;
  }

  @Override
  public void observe(double reward, int nextState, boolean terminated, boolean truncated) {
    update(lastState, lastAction, reward, nextState, terminated);
  }

  private void update(int s, int a, double r, int next, boolean terminal) {
    minReward = Math.min(minReward, r);
    maxReward = Math.max(maxReward, r);
    int i = s * actions + a;
    long n = ++tries[i];
    double lr = Math.max((horizon + 1) / (horizon + n), settings.minLearningRate());
    double target = r;
    if (!terminal) {
      double best = q[next * actions];
      for (int b = 1; b < actions; b++) {
        best = Math.max(best, q[next * actions + b]);
      }
      target += settings.gamma() * best;
    }
    q[i] += lr * (target - q[i]);
  }
}
