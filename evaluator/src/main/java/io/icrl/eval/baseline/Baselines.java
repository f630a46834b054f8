package io.icrl.eval.baseline;

import io.icrl.core.InvalidInputException;
import io.icrl.eval.Mode;
import io.icrl.eval.agent.AgentFactory;
import io.icrl.eval.agent.EvalAgent;
import io.icrl.eval.task.PreparedTask;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/** Factories of the baseline agents by name. */
public final class Baselines {
  /** Every baseline name, in report order. */
  public static final List<String> NAMES = List.of("random", "q-learning", "ucb-q",
      "model-based", "oracle", "1-nn", BehaviorData.NAME);

  private Baselines() {}

  /** The factory of the baseline called {@code name}. */
  public static AgentFactory factory(String name, QLearningSettings q, UcbQSettings ucb,
      ModelBasedSettings mb) {
    return switch (name) {
      case "random" -> simple(name, m -> true, t -> new RandomAgent());
      case "q-learning" -> simple(name, m -> true, t -> new QLearningAgent(q));
      case "ucb-q" -> simple(name, m -> true, t -> new UcbQLearningAgent(ucb));
      case "model-based" -> simple(name, m -> true, t -> new ModelBasedAgent(mb));
      case "oracle" -> simple(name, m -> true, t -> new OracleAgent(t.optimum()));
      case "1-nn" -> simple(name, NearestNeighbourAgent::supports,
          t -> new NearestNeighbourAgent());
      case BehaviorData.NAME -> new BehaviorData();
      default -> throw new InvalidInputException("unknown baseline agent '" + name + "'; known: "
          + String.join(", ", NAMES));
    };
  }

  private static AgentFactory simple(String name, Predicate<Mode> modes,
      Function<PreparedTask, EvalAgent> make) {
    return new AgentFactory() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public boolean supports(Mode mode) {
        return modes.test(mode);
      }

      @Override
      public EvalAgent create(PreparedTask task) {
        return make.apply(task);
      }
    };
  }
}
