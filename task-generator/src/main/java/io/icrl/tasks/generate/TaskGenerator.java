package io.icrl.tasks.generate;

import io.icrl.tasks.TaskParams;
import io.icrl.tasks.mdp.TabularMdp;
import java.util.List;

/**
 * A versioned random-MDP generator: a pure function (parameters, seed) -> {@link TabularMdp}, the
 * same bits on every machine, JVM and thread count. The name is the version: a generator's
 * algorithm and parameter defaults never change once published; a changed algorithm gets a new name
 * (as {@code anymdp-v1} kept the earlier AnyMDP sampler).
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface TaskGenerator {
  /** The name used in task ids, e.g. {@code anymdp}. */
  String name();

  /** One line saying what the generator makes. */
  String description();

  /** Every parameter the generator reads, {@code seed} included, in canonical-id order. */
  List<ParameterDoc> parameters();

  /**
   * Generates the task. {@code params} holds this generator's parameters (its name is ignored); a
   * {@code seed} entry, if any, must equal {@code seed}. Unknown parameters and bad values are an
   * {@link io.icrl.core.InvalidInputException} naming the parameter. The MDP is named with its
   * canonical id ({@link Generators#canonicalId}).
   */
  TabularMdp generate(TaskParams params, long seed);

  /** Generates with every parameter at its default. */
  default TabularMdp generate(long seed) {
    return generate(TaskParams.parse(name()), seed);
  }
}
