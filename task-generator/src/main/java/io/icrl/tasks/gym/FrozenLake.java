package io.icrl.tasks.gym;

import io.icrl.core.InvalidInputException;
import io.icrl.tasks.mdp.StateKind;
import io.icrl.tasks.mdp.TabularMdp;
import io.icrl.tasks.mdp.TabularMdpBuilder;
import java.util.List;

/**
 * Gymnasium's FrozenLake as an exact {@link TabularMdp}, outcome for outcome as Gymnasium's {@code
 * P} table.
 *
 * <p>State {@code row * ncol + col}; actions 0 left, 1 down, 2 right, 3 up; moves off the grid stay
 * in place. Entering a goal G gives reward 1 and entering a hole H reward 0, both terminating; any
 * other move gives 0. Rows of G and H states loop to themselves with reward 0 and terminated set,
 * as Gymnasium's table has them. When slippery, action {@code a} lists three outcomes in the order
 * of the directions {@code (a-1) mod 4, a, (a+1) mod 4}, with probability {@code successRate} for
 * {@code a} and {@code (1 - successRate) / 2} for each perpendicular direction (duplicates kept).
 * Episodes start uniformly on the S tiles.
 */
public final class FrozenLake {
  /** Gymnasium's default probability of moving in the intended direction on a slippery lake. */
  public static final double DEFAULT_SUCCESS_RATE = 1.0 / 3.0;

  private static final int LEFT = 0;
  private static final int DOWN = 1;
  private static final int RIGHT = 2;
  private static final int UP = 3;

  private FrozenLake() {}

  /** The MDP of {@code map} with Gymnasium's default success rate and reward schedule (1, 0, 0). */
  public static TabularMdp build(String name, List<String> map, boolean slippery,
      int maxEpisodeSteps) {
    return build(name, map, slippery, DEFAULT_SUCCESS_RATE, maxEpisodeSteps);
  }

  /** The MDP of {@code map}; {@code successRate} only matters when {@code slippery}. */
  public static TabularMdp build(String name, List<String> map, boolean slippery,
      double successRate, int maxEpisodeSteps) {
    FrozenLakeMaps.validate(map, "map");
    if (!(successRate >= 0 && successRate <= 1)) {
      throw new InvalidInputException(name + ": success_rate=" + successRate
          + " must be in [0, 1]");
    }
    int nrow = map.size();
    int ncol = map.get(0).length();
    double failRate = (1.0 - successRate) / 2.0;
    TabularMdpBuilder b = TabularMdp.builder(nrow * ncol, 4).name(name)
        .maxEpisodeSteps(maxEpisodeSteps);
    int starts = 0;
    for (String row : map) {
      starts += (int) row.chars().filter(ch -> ch == 'S').count();
    }
    for (int row = 0; row < nrow; row++) {
      for (int col = 0; col < ncol; col++) {
        int s = row * ncol + col;
        char letter = map.get(row).charAt(col);
        if (letter == 'S') {
          b.start(s, 1.0 / starts);
        }
        if (letter == 'G') {
          b.kind(s, StateKind.GOAL);
        } else if (letter == 'H') {
          b.kind(s, StateKind.PITFALL);
        }
        for (int a = 0; a < 4; a++) {
          if (letter == 'G' || letter == 'H') {
            b.outcome(s, a, s, 1.0, 0.0, true);
          } else if (slippery) {
            for (int dir : new int[] {Math.floorMod(a - 1, 4), a, Math.floorMod(a + 1, 4)}) {
              addMove(b, map, row, col, a, dir, dir == a ? successRate : failRate);
            }
          } else {
            addMove(b, map, row, col, a, a, 1.0);
          }
        }
      }
    }
    return b.build();
  }

  private static void addMove(TabularMdpBuilder b, List<String> map, int row, int col, int action,
      int dir, double p) {
    int nrow = map.size();
    int ncol = map.get(0).length();
    int r = row;
    int c = col;
    switch (dir) {
      case LEFT -> c = Math.max(c - 1, 0);
      case DOWN -> r = Math.min(r + 1, nrow - 1);
      case RIGHT -> c = Math.min(c + 1, ncol - 1);
      case UP -> r = Math.max(r - 1, 0);
      default -> throw new IllegalArgumentException("direction " + dir);
    }
    char letter = map.get(r).charAt(c);
    double reward = letter == 'G' ? 1.0 : 0.0;
    boolean terminated = letter == 'G' || letter == 'H';
    b.outcome(row * ncol + col, action, r * ncol + c, p, reward, terminated);
  }
}
