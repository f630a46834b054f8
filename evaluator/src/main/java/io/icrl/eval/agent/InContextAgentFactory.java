package io.icrl.eval.agent;

import io.icrl.eval.task.PreparedTask;

/**
 * Makes {@link InContextAgent}s over models opened from a {@link RowModelSource}. Each agent owns
 * its model and closes it at {@link EvalAgent#end()}.
 */
public final class InContextAgentFactory implements AgentFactory {
  /** The agent name of the in-context model in outputs. */
  public static final String NAME = "model";

  private final RowModelSource source;
  private final TemperatureSchedule temperature;

  public InContextAgentFactory(RowModelSource source, TemperatureSchedule temperature) {
    this.source = source;
    this.temperature = temperature;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public EvalAgent create(PreparedTask task) {
    return new InContextAgent(source.open(), temperature);
  }
}
