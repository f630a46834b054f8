package io.icrl.eval.baseline;

import io.icrl.eval.agent.AgentRun;
import io.icrl.eval.agent.EvalAgent;
import io.icrl.eval.context.ContextEpisode;
import java.util.SplittableRandom;

/**
 * Tabular Q-learning with epsilon-greedy exploration, learning over the run's episodes (and, if
 * configured, first from the context data). Q starts at 0; terminal transitions do not bootstrap,
 * truncated ones do.
 */
public final class QLearningAgent implements EvalAgent {
  private final QLearningSettings settings;
  private double[] q;
  private int actions;
  private SplittableRandom rng;
  private int lastState;
  private int lastAction;

  public QLearningAgent(QLearningSettings settings) {
    this.settings = settings;
  }

  @Override
  public void begin(AgentRun run) {
    actions = run.task().actions();
    q = new double[run.task().states() * actions];
    rng = run.rng();
  }

  @Override
  public void observeContext(ContextEpisode ep) {
    if (!settings.learnFromContext()) {
      return;
    }
    for (int i = 0; i < ep.length(); i++) {
      update(ep.state(i), ep.action(i), ep.reward(i), ep.nextState(i), ep.terminatesAt(i));
    }
  }

  @Override
  public int act(int state) {
    lastState = state;
    lastAction = rng.nextDouble() < settings.epsilon() ? rng.nextInt(actions)
        : Greedy.argmax(q, state * actions, actions, rng);
    return lastAction;
  }

  @Override
  public void observe(double reward, int nextState, boolean terminated, boolean truncated) {
    update(lastState, lastAction, reward, nextState, terminated);
  }

  private void update(int s, int a, double r, int next, boolean terminal) {
    double target = r;
    if (!terminal) {
      double best = q[next * actions];
      for (int b = 1; b < actions; b++) {
        best = Math.max(best, q[next * actions + b]);
      }
      target += settings.gamma() * best;
    }
    int i = s * actions + a;
    q[i] += settings.learningRate() * (target - q[i]);
  }

  /** The current Q-value of (s, a). */
  public double q(int s, int a) {
    return q[s * actions + a];
  }
}
