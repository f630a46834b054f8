package io.icrl.eval.baseline;

import io.icrl.eval.Mode;
import io.icrl.eval.agent.AgentFactory;
import io.icrl.eval.agent.EvalAgent;
import io.icrl.eval.task.PreparedTask;

/**
 * The behavior data itself as a row of the results: the true returns of the context episodes of
 * the imitation and offline modes (demonstrations or degraded data), numbered 1..K or 1..N. It
 * does not act; the sweep reads its rows from the context data.
 */
public final class BehaviorData implements AgentFactory {
  /** The agent name of the behavior data in outputs. */
  public static final String NAME = "data";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean supports(Mode mode) {
    return mode.hasContextData();
  }

  @Override
  public EvalAgent create(PreparedTask task) {
    throw new UnsupportedOperationException("the behavior data does not act; the sweep reports"
        + " the context episodes' returns");
  }
}
