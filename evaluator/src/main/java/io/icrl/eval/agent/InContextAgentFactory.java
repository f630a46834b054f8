package io.icrl.eval.agent;

import io.icrl.eval.Mode;
import io.icrl.eval.task.PreparedTask;
import java.util.Map;

/**
 * Makes {@link InContextAgent}s over models opened from a {@link RowModelSource}. Each agent owns
 * its model and closes it at {@link EvalAgent#end()}.
 */
public final class InContextAgentFactory implements AgentFactory {
  /** The agent name of the in-context model in outputs. */
  public static final String NAME = "model";

  private final RowModelSource source;
  private final Map<Mode, TemperatureSchedule> temperatures;
  private final Map<Mode, ContextPolicy> contexts;

  /**
   * Agents sampling at the temperature schedule of each run's mode and keeping in their context
   * what its {@link ContextPolicy} says (see {@link InContextAgent}).
   */
  public InContextAgentFactory(RowModelSource source, Map<Mode, TemperatureSchedule> temperatures,
      Map<Mode, ContextPolicy> contexts) {
    this.source = source;
    this.temperatures = Map.copyOf(temperatures);
    this.contexts = Map.copyOf(contexts);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public EvalAgent create(PreparedTask task) {
    return new InContextAgent(source.open(), temperatures, contexts);
  }
}
