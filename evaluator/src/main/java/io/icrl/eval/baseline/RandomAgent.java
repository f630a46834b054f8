package io.icrl.eval.baseline;

import io.icrl.eval.agent.AgentRun;
import io.icrl.eval.agent.EvalAgent;
import java.util.SplittableRandom;

/** Uniformly random actions. */
public final class RandomAgent implements EvalAgent {
  private SplittableRandom rng;
  private int actions;

  @Override
  public void begin(AgentRun run) {
    rng = run.rng();
    actions = run.task().actions();
  }

  @Override
  public int act(int state) {
    return rng.nextInt(actions);
  }

  @Override
  public void observe(double reward, int nextState, boolean terminated, boolean truncated) {}
}
