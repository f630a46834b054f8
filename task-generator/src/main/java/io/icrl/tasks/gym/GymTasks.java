package io.icrl.tasks.gym;

import io.icrl.core.InvalidInputException;
import io.icrl.tasks.TabularTask;
import io.icrl.tasks.Task;
import io.icrl.tasks.TaskParams;
import io.icrl.tasks.TaskRegistry;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Registers the Gymnasium-like tasks under their Gymnasium ids, with Gymnasium's registered
 * defaults (step limits included) and these parameters:
 *
 * <ul>
 *   <li>{@code FrozenLake-v1} (4x4, 100 steps), {@code FrozenLake8x8-v1} (8x8, 200 steps): {@code
 *       is_slippery} (true), {@code success_rate} (1/3), {@code map_name=4x4|8x8}, a custom map
 *       {@code desc=SFFF/FHFH/FFFH/HFFG}, or a random map {@code size} (8), {@code p} (0.8), {@code
 *       map_seed} (0).
 *   <li>{@code CliffWalking-v1}, {@code CliffWalkingSlippery-v1}: {@code is_slippery}. Registered
 *       without a step limit.
 *   <li>{@code Taxi-v4} (200 steps): {@code is_rainy} (false), {@code rainy_probability} (0.8),
 *       {@code fickle_passenger} (false only).
 *   <li>{@code Pendulum-v1} (200 steps): {@code g} (10.0). {@code MountainCar-v0} (200 steps):
 *       {@code goal_velocity} (0). Both take {@code bins=AxB} for OmniRL's discretized version.
 * </ul>
 *
 * Every id also takes {@code max_episode_steps} to override the registered step limit.
 */
public final class GymTasks {
  public static final String FROZEN_LAKE = "FrozenLake-v1";
  public static final String FROZEN_LAKE_8X8 = "FrozenLake8x8-v1";
  public static final String CLIFF_WALKING = "CliffWalking-v1";
  public static final String CLIFF_WALKING_SLIPPERY = "CliffWalkingSlippery-v1";
  public static final String TAXI = "Taxi-v4";
  public static final String PENDULUM = "Pendulum-v1";
  public static final String MOUNTAIN_CAR = "MountainCar-v0";

  /** The parameter overriding the registered step limit, accepted by every id. */
  public static final String MAX_EPISODE_STEPS = "max_episode_steps";

  /** Step limit standing for "none registered". */
  public static final int NO_LIMIT = Integer.MAX_VALUE;

  private static final Set<String> FROZEN_LAKE_PARAMS = Set.of("is_slippery", "success_rate",
      "map_name", "desc", "size", "p", "map_seed", MAX_EPISODE_STEPS);
  private static final Set<String> RANDOM_MAP_PARAMS = Set.of("size", "p", "map_seed");

  private GymTasks() {}

  /** Registers every Gymnasium-like id. */
  public static void register(TaskRegistry r) {
    r.register(FROZEN_LAKE, p -> frozenLake(p, "4x4", 100));
    r.register(FROZEN_LAKE_8X8, p -> frozenLake(p, "8x8", 200));
    r.register(CLIFF_WALKING, p -> cliffWalking(p, false));
    r.register(CLIFF_WALKING_SLIPPERY, p -> cliffWalking(p, true));
    r.register(TAXI, GymTasks::taxi);
    r.register(PENDULUM, GymTasks::pendulum);
    r.register(MOUNTAIN_CAR, GymTasks::mountainCar);
  }

  /**
   * The FrozenLake map rows a task id stands for, or empty when the id is not a FrozenLake id (so
   * dumps can include the map).
   */
  public static Optional<List<String>> frozenLakeMap(String taskId) {
    TaskParams p = TaskParams.parse(taskId);
    return switch (p.name()) {
      case FROZEN_LAKE -> Optional.of(frozenLakeMap(p, "4x4"));
      case FROZEN_LAKE_8X8 -> Optional.of(frozenLakeMap(p, "8x8"));
      default -> Optional.empty();
    };
  }

  private static Task frozenLake(TaskParams p, String defaultMap, int defaultSteps) {
    requireKnown(p, FROZEN_LAKE_PARAMS);
    List<String> map = frozenLakeMap(p, defaultMap);
    boolean slippery = p.getBoolean("is_slippery", true);
    double successRate = p.getDouble("success_rate", FrozenLake.DEFAULT_SUCCESS_RATE);
    if (p.has("success_rate") && !slippery) {
      throw new InvalidInputException("task id '" + p.id() + "': success_rate only applies to a"
          + " slippery lake (is_slippery=true)");
    }
    int steps = p.getPositiveInt(MAX_EPISODE_STEPS, defaultSteps);
    return new TabularTask(p.id(), FrozenLake.build(p.id(), map, slippery, successRate, steps));
  }

  private static List<String> frozenLakeMap(TaskParams p, String defaultMap) {
    boolean random = RANDOM_MAP_PARAMS.stream().anyMatch(p::has);
    int sources = (p.has("map_name") ? 1 : 0) + (p.has("desc") ? 1 : 0) + (random ? 1 : 0);
    if (sources > 1) {
      throw new InvalidInputException("task id '" + p.id() + "': give only one of map_name, desc"
          + " or a random map (size, p, map_seed)");
    }
    if (p.has("desc")) {
      return FrozenLakeMaps.parse(p.getString("desc", ""));
    }
    if (random) {
      int size = p.getInt("size", 8);
      double frozen = p.getDouble("p", 0.8);
      long seed = p.getLong("map_seed", 0);
      try {
        return FrozenLakeMaps.random(size, frozen, seed);
      } catch (InvalidInputException e) {
        throw new InvalidInputException("task id '" + p.id() + "': " + e.getMessage(), e);
      }
    }
    try {
      return FrozenLakeMaps.named(p.getString("map_name", defaultMap));
    } catch (InvalidInputException e) {
      throw new InvalidInputException("task id '" + p.id() + "': " + e.getMessage(), e);
    }
  }

  private static Task cliffWalking(TaskParams p, boolean slipperyDefault) {
    requireKnown(p, Set.of("is_slippery", MAX_EPISODE_STEPS));
    boolean slippery = p.getBoolean("is_slippery", slipperyDefault);
    int steps = p.getPositiveInt(MAX_EPISODE_STEPS, NO_LIMIT);
    return new TabularTask(p.id(), CliffWalking.build(p.id(), slippery, steps));
  }

  private static Task taxi(TaskParams p) {
    requireKnown(p, Set.of("is_rainy", "rainy_probability", "fickle_passenger",
        MAX_EPISODE_STEPS));
    if (p.getBoolean("fickle_passenger", false)) {
      throw new InvalidInputException("task id '" + p.id() + "': fickle_passenger=true is not"
          + " supported (the destination change depends on hidden episode state, so the task is not"
          + " a tabular MDP)");
    }
    boolean rainy = p.getBoolean("is_rainy", false);
    double rainyP = p.getDouble("rainy_probability", 0.8);
    if (p.has("rainy_probability") && !rainy) {
      throw new InvalidInputException("task id '" + p.id() + "': rainy_probability only applies"
          + " with is_rainy=true");
    }
    int steps = p.getPositiveInt(MAX_EPISODE_STEPS, 200);
    return new TabularTask(p.id(), Taxi.build(p.id(), rainy, rainyP, steps));
  }

  private static Task pendulum(TaskParams p) {
    requireKnown(p, Set.of("g", "bins", MAX_EPISODE_STEPS));
    double g = p.getDouble("g", PendulumEnv.DEFAULT_G);
    int steps = p.getPositiveInt(MAX_EPISODE_STEPS, PendulumEnv.DEFAULT_MAX_STEPS);
    if (p.has("bins")) {
      BinSpec bins = BinSpec.parse(p.getString("bins", ""), "task id '" + p.id() + "'");
      return new DiscretizedTask(p.id(), () -> new PendulumEnv(g, steps),
          OmniRlDiscretization.pendulum(bins), OmniRlDiscretization.pendulumTorques(5));
    }
    return new ContinuousTask(p.id(), () -> new PendulumEnv(g, steps));
  }

  private static Task mountainCar(TaskParams p) {
    requireKnown(p, Set.of("goal_velocity", "bins", MAX_EPISODE_STEPS));
    double goalVelocity = p.getDouble("goal_velocity", 0.0);
    int steps = p.getPositiveInt(MAX_EPISODE_STEPS, MountainCarEnv.DEFAULT_MAX_STEPS);
    if (p.has("bins")) {
      BinSpec bins = BinSpec.parse(p.getString("bins", ""), "task id '" + p.id() + "'");
      return new DiscretizedTask(p.id(), () -> new MountainCarEnv(goalVelocity, steps),
          OmniRlDiscretization.mountainCar(bins), OmniRlDiscretization.mountainCarActions());
    }
    return new ContinuousTask(p.id(), () -> new MountainCarEnv(goalVelocity, steps));
  }

  /** Rejects a parameter outside {@code known} before any is interpreted, listing the known ones. */
  private static void requireKnown(TaskParams p, Set<String> known) {
    for (String key : p.values().keySet()) {
      if (!known.contains(key)) {
        throw new InvalidInputException("task id '" + p.id() + "': unknown parameter '" + key
            + "' for " + p.name() + "; known: " + String.join(", ", new LinkedHashSet<>(
            known.stream().sorted().toList())));
      }
    }
  }
}
