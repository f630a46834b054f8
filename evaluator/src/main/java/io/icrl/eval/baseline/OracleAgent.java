package io.icrl.eval.baseline;

import io.icrl.eval.agent.AgentRun;
import io.icrl.eval.agent.EvalAgent;
import io.icrl.tasks.solve.FiniteHorizonPolicy;

/**
 * The optimum: the time-dependent finite-horizon optimal policy of the task's model (exact for
 * tabular tasks, estimated by sampling otherwise). Its expected return on an exact model is R_opt.
 */
public final class OracleAgent implements EvalAgent {
  private final FiniteHorizonPolicy policy;
  private int elapsed;

  public OracleAgent(FiniteHorizonPolicy policy) {
    this.policy = policy;
  }

  @Override
  public void begin(AgentRun run) {
    elapsed = 0;
  }

  @Override
  public int act(int state) {
    return policy.action(state, elapsed);
  }

  @Override
  public void observe(double reward, int nextState, boolean terminated, boolean truncated) {
    elapsed = terminated || truncated ? 0 : elapsed + 1;
  }
}
