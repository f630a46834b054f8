package io.icrl.tasks.generate;

import io.icrl.core.InvalidInputException;
import io.icrl.tasks.TaskParams;
import io.icrl.tasks.mdp.TabularMdp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The generators by name: {@code anymdp} (the default, OmniRL's current AnyMDP), {@code anymdp-v1}
 * (the earlier geometric AnyMDP), {@code garnet} and {@code darkroom}.
 */
public final class Generators {
  /** The name of the default generator. */
  public static final String DEFAULT = AnyMdpGenerator.NAME;

  private static final Map<String, TaskGenerator> BY_NAME = new LinkedHashMap<>();

  static {
    for (TaskGenerator g : List.of(new AnyMdpGenerator(), new AnyMdpV1Generator(),
        new GarnetGenerator(), new DarkRoomGenerator())) {
      BY_NAME.put(g.name(), g);
    }
  }

  private Generators() {}

  /** The generator called {@code name}; an unknown name is an error listing the known ones. */
  public static TaskGenerator get(String name) {
    TaskGenerator g = BY_NAME.get(name);
    if (g == null) {
      throw new InvalidInputException("unknown task generator '" + name + "'; known: "
          + String.join(", ", BY_NAME.keySet()));
    }
    return g;
  }

  /** The default generator ({@value #DEFAULT}). */
  public static TaskGenerator defaultGenerator() {
    return get(DEFAULT);
  }

  /** Known names, default first. */
  public static Set<String> names() {
    return Collections.unmodifiableSet(BY_NAME.keySet());
  }

  /** Every generator, default first. */
  public static List<TaskGenerator> all() {
    return List.copyOf(BY_NAME.values());
  }

  /**
   * Generates the task of an id such as {@code anymdp:states=16,actions=5,seed=3} ({@code seed}
   * defaults to 0).
   */
  public static TabularMdp generate(String id) {
    TaskParams p = TaskParams.parse(id);
    TaskGenerator g = get(p.name());
    long seed = p.getLong("seed", 0);
    return g.generate(p, seed);
  }

  /**
   * The canonical id of a generated task: the generator name, then the parameters that were given,
   * in the generator's documented order, then the seed, e.g. {@code anymdp:states=16,seed=3}.
   * Omitted parameters take the generator's fixed defaults, so the id recreates the task.
   */
  public static String canonicalId(TaskGenerator g, TaskParams params, long seed) {
    List<String> parts = new ArrayList<>();
    for (ParameterDoc d : g.parameters()) {
      if (!d.name().equals("seed") && params.has(d.name())) {
        parts.add(d.name() + "=" + params.values().get(d.name()));
      }
    }
    parts.add("seed=" + seed);
    return g.name() + ":" + String.join(",", parts);
  }

  /**
   * Checks the end of a generator's parameter reading: a {@code seed} entry must match the seed
   * argument, and no unknown parameter may remain.
   */
  static void finishParams(TaskGenerator g, TaskParams params, long seed) {
    if (params.has("seed")) {
      long given = params.getLong("seed", seed);
      if (given != seed) {
        throw new InvalidInputException("task id '" + params.id() + "': seed=" + given
            + " disagrees with the seed " + seed + " passed to " + g.name());
      }
    }
    List<String> known = new ArrayList<>();
    for (ParameterDoc d : g.parameters()) {
      known.add(d.name());
    }
    params.requireAllUsed(new java.util.LinkedHashSet<>(known));
  }
}
