package io.icrl.tasks.generate;

import io.icrl.core.InvalidInputException;
import io.icrl.core.Seeds;
import io.icrl.tasks.TaskParams;
import io.icrl.tasks.mdp.StateKind;
import io.icrl.tasks.mdp.TabularMdp;
import io.icrl.tasks.mdp.TabularMdpBuilder;
import java.util.List;

/**
 * {@code darkroom}: the Dark Room of Algorithm Distillation (Laskin et al., 2022): a {@code size x
 * size} grid, the agent observes only its own cell and must find an unseen goal from the reward.
 *
 * <p>Parameters and their fixed defaults (part of this versioned definition):
 *
 * <ul>
 *   <li>{@code size} = 9: the room is {@code size x size}; state {@code y * size + x}, {@code y} the
 *       row from the top.
 *   <li>{@code max_steps} = 20: the episode length, as in AD.
 *   <li>{@code goal}: the goal cell {@code y * size + x}; by default drawn uniformly over all cells
 *       from {@code Seeds.rng(seed, "darkroom-goal", 0)}.
 *   <li>{@code terminate_on_goal} = false: as in AD the goal is not terminal; the agent earns
 *       reward 1 on every step that ends on the goal (staying there keeps earning) and the episode
 *       runs to the step limit. With true, entering the goal ends the episode (goal kind GOAL).
 *   <li>{@code seed} = 0.
 * </ul>
 *
 * <p>Actions: 0 left, 1 right, 2 up, 3 down, 4 no-op (AD's order); a move into a wall stays put.
 * Episodes start in the centre cell ({@code size / 2}, {@code size / 2}). Transitions and rewards
 * are deterministic.
 */
public final class DarkRoomGenerator implements TaskGenerator {
  public static final String NAME = "darkroom";
  public static final int DEFAULT_SIZE = 9;
  public static final int DEFAULT_MAX_STEPS = 20;
  public static final int LEFT = 0;
  public static final int RIGHT = 1;
  public static final int UP = 2;
  public static final int DOWN = 3;
  public static final int NOOP = 4;

  private static final int[] DX = {-1, 1, 0, 0, 0};
  private static final int[] DY = {0, 0, -1, 1, 0};

  private static final List<ParameterDoc> PARAMS = List.of(
      new ParameterDoc("size", Integer.toString(DEFAULT_SIZE), "side of the square room"),
      new ParameterDoc("max_steps", Integer.toString(DEFAULT_MAX_STEPS), "episode length"),
      new ParameterDoc("goal", "", "goal cell y*size+x (default: drawn from the seed)"),
      new ParameterDoc("terminate_on_goal", "false", "whether entering the goal ends the episode"),
      new ParameterDoc("seed", "0", "root seed (chooses the goal)"));

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Algorithm Distillation's dark room: find an unseen goal cell in a grid";
  }

  @Override
  public List<ParameterDoc> parameters() {
    return PARAMS;
  }

  @Override
  public TabularMdp generate(TaskParams params, long seed) {
    int size = params.getPositiveInt("size", DEFAULT_SIZE);
    int maxSteps = params.getPositiveInt("max_steps", DEFAULT_MAX_STEPS);
    int goal = params.getInt("goal", -1);
    boolean given = params.has("goal");
    boolean terminate = params.getBoolean("terminate_on_goal", false);
    Generators.finishParams(this, params, seed);
    if (size > 4096) {
      throw new InvalidInputException("task id '" + params.id() + "': parameter size=" + size
          + " is too large (at most 4096)");
    }
    int cells = size * size;
    if (given && (goal < 0 || goal >= cells)) {
      throw new InvalidInputException("task id '" + params.id() + "': parameter goal=" + goal
          + " is outside the room's cells [0, " + cells + ")");
    }
    if (!given) {
      goal = Draws.integer(Seeds.rng(seed, "darkroom-goal", 0), 0, cells);
    }
    return build(size, maxSteps, goal, terminate, Generators.canonicalId(this, params, seed));
  }

  /** The room with an explicit goal cell. */
  public static TabularMdp build(int size, int maxSteps, int goal, boolean terminateOnGoal,
      String name) {
    int cells = size * size;
    TabularMdpBuilder b = TabularMdp.builder(cells, DX.length).name(name)
        .maxEpisodeSteps(maxSteps);
    b.start((size / 2) * size + size / 2, 1.0);
    if (terminateOnGoal) {
      b.kind(goal, StateKind.GOAL);
    }
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        int s = y * size + x;
        for (int a = 0; a < DX.length; a++) {
          int nx = Math.min(size - 1, Math.max(0, x + DX[a]));
          int ny = Math.min(size - 1, Math.max(0, y + DY[a]));
          int sp = ny * size + nx;
          boolean atGoal = sp == goal;
          b.outcome(s, a, sp, 1.0, atGoal ? 1.0 : 0.0, terminateOnGoal && atGoal);
        }
      }
    }
    return b.build();
  }
}
