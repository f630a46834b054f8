package io.icrl.tasks.gym;

import io.icrl.core.InvalidInputException;
import io.icrl.tasks.mdp.TabularMdp;
import io.icrl.tasks.mdp.TabularMdpBuilder;
import java.util.List;

/**
 * Gymnasium's Taxi-v4 (Dietterich's taxi domain) as an exact {@link TabularMdp}, outcome for outcome
 * as Gymnasium's {@code P} table.
 *
 * <p>State {@code ((taxiRow * 5 + taxiCol) * 5 + passenger) * 4 + destination}, passenger 0..3 at
 * R, G, Y, B and 4 in the taxi. Actions 0 south, 1 north, 2 east, 3 west, 4 pickup, 5 drop-off.
 * Every step costs -1; an illegal pickup or drop-off costs -10; dropping the passenger at the
 * destination gives +20 and terminates; dropping it at another pad leaves it there. Episodes start
 * uniformly over the 300 states where the passenger waits at a pad other than the destination.
 *
 * <p>The rainy variant ({@code is_rainy}) moves in the intended direction with probability {@code
 * rainyProbability} and to the left or right of it (as Gymnasium defines them) with half the rest
 * each; when the intended move is blocked nothing moves. Gymnasium's {@code fickle_passenger} option
 * changes the destination through hidden episode state, so it is not a tabular MDP and is not
 * offered.
 */
public final class Taxi {
  public static final int STATES = 500;
  public static final int ACTIONS = 6;

  /** Gymnasium's {@code MAP}: walls are '|', open passages ':'. */
  static final List<String> MAP = List.of(
      "+---------+",
      "|R: | : :G|",
      "| : | : : |",
      "| : : : : |",
      "| | : | : |",
      "|Y| : |B: |",
      "+---------+");

  /** Pads R, G, Y, B as (row, col). */
  static final int[][] LOCS = {{0, 0}, {0, 4}, {4, 0}, {4, 3}};

  private static final int MAX_ROW = 4;
  private static final int MAX_COL = 4;

  /** Per movement action: the intended move, then its left and right (dr, dc). */
  private static final int[][][] RAINY_MOVES = {
    {{1, 0}, {0, 1}, {0, -1}},
    {{-1, 0}, {0, -1}, {0, 1}},
    {{0, 1}, {-1, 0}, {1, 0}},
    {{0, -1}, {1, 0}, {-1, 0}},
  };

  private Taxi() {}

  /** State index of a taxi position, passenger location and destination. */
  public static int encode(int taxiRow, int taxiCol, int passenger, int destination) {
    return ((taxiRow * 5 + taxiCol) * 5 + passenger) * 4 + destination;
  }

  /** {@code {taxiRow, taxiCol, passenger, destination}} of a state index. */
  public static int[] decode(int s) {
    return new int[] {s / 100, (s / 20) % 5, (s / 4) % 5, s % 4};
  }

  /** The dry (deterministic) Taxi-v4. */
  public static TabularMdp build(String name, int maxEpisodeSteps) {
    return build(name, false, 0.8, maxEpisodeSteps);
  }

  /** Taxi-v4, rainy when {@code rainy} (then {@code rainyProbability} is the forward probability). */
  public static TabularMdp build(String name, boolean rainy, double rainyProbability,
      int maxEpisodeSteps) {
    if (!(rainyProbability >= 0 && rainyProbability <= 1)) {
      throw new InvalidInputException(name + ": rainy_probability=" + rainyProbability
          + " must be in [0, 1]");
    }
    TabularMdpBuilder b = TabularMdp.builder(STATES, ACTIONS).name(name)
        .maxEpisodeSteps(maxEpisodeSteps);
    double startP = 1.0 / 300.0;
    for (int row = 0; row <= MAX_ROW; row++) {
      for (int col = 0; col <= MAX_COL; col++) {
        for (int pass = 0; pass < 5; pass++) {
          for (int dest = 0; dest < 4; dest++) {
            if (pass < 4 && pass != dest) {
              b.start(encode(row, col, pass, dest), startP);
            }
            for (int a = 0; a < ACTIONS; a++) {
              if (rainy) {
                addRainy(b, row, col, pass, dest, a, rainyProbability);
              } else {
                addDry(b, row, col, pass, dest, a);
              }
            }
          }
        }
      }
    }
    return b.build();
  }

  private static boolean open(int mapRow, int mapCol) {
    return MAP.get(mapRow).charAt(mapCol) == ':';
  }

  private static void addDry(TabularMdpBuilder b, int row, int col, int pass, int dest, int a) {
    int s = encode(row, col, pass, dest);
    int newRow = row;
    int newCol = col;
    int newPass = pass;
    double reward = -1;
    boolean terminated = false;
    switch (a) {
      case 0 -> newRow = Math.min(row + 1, MAX_ROW);
      case 1 -> newRow = Math.max(row - 1, 0);
      case 2 -> {
        if (open(1 + row, 2 * col + 2)) {
          newCol = Math.min(col + 1, MAX_COL);
        }
      }
      case 3 -> {
        if (open(1 + row, 2 * col)) {
          newCol = Math.max(col - 1, 0);
        }
      }
      case 4 -> {
        if (pass < 4 && isPad(row, col, pass)) {
          newPass = 4;
        } else {
          reward = -10;
        }
      }
      default -> {
        int pad = padAt(row, col);
        if (pass == 4 && isPad(row, col, dest)) {
          newPass = dest;
          terminated = true;
          reward = 20;
        } else if (pass == 4 && pad >= 0) {
          newPass = pad;
        } else {
          reward = -10;
        }
      }
    }
    b.outcome(s, a, encode(newRow, newCol, newPass, dest), 1.0, reward, terminated);
  }

  private static void addRainy(TabularMdpBuilder b, int row, int col, int pass, int dest, int a,
      double forward) {
    int s = encode(row, col, pass, dest);
    if (a >= 4) {
      addDry(b, row, col, pass, dest, a);
      return;
    }
    boolean canMove = switch (a) {
      case 0 -> row < MAX_ROW;
      case 1 -> row > 0;
      case 2 -> open(1 + row, 2 * col + 2);
      default -> open(1 + row, 2 * col);
    };
    int[] intended = {row, col};
    int[] left = {row, col};
    int[] right = {row, col};
    if (canMove) {
      int[][] m = RAINY_MOVES[a];
      intended = new int[] {clamp(row + m[0][0], MAX_ROW), clamp(col + m[0][1], MAX_COL)};
      left = lateral(row, col, m[1]);
      right = lateral(row, col, m[2]);
    }
    double side = (1.0 - forward) / 2.0;
    b.outcome(s, a, encode(intended[0], intended[1], pass, dest), forward, -1.0, false);
    b.outcome(s, a, encode(left[0], left[1], pass, dest), side, -1.0, false);
    b.outcome(s, a, encode(right[0], right[1], pass, dest), side, -1.0, false);
  }

  /** Gymnasium's {@code _calc_new_position}: a sideways slip, blocked by walls as Gymnasium checks. */
  private static int[] lateral(int row, int col, int[] move) {
    int newRow = clamp(row + move[0], MAX_ROW);
    int newCol = clamp(col + move[1], MAX_COL);
    if (move[1] == 1 && !open(1 + newRow, 2 * newCol)) {
      return new int[] {row, col};
    }
    if (move[1] == -1 && !open(1 + newRow, 2 * newCol + 2)) {
      return new int[] {row, col};
    }
    return new int[] {newRow, newCol};
  }

  private static int clamp(int v, int max) {
    return Math.max(0, Math.min(v, max));
  }

  private static boolean isPad(int row, int col, int pad) {
    return LOCS[pad][0] == row && LOCS[pad][1] == col;
  }

  /** Index of the pad at (row, col), or -1. */
  private static int padAt(int row, int col) {
    for (int i = 0; i < LOCS.length; i++) {
      if (isPad(row, col, i)) {
        return i;
      }
    }
    return -1;
  }
}
