package io.icrl.tasks.gym;

import io.icrl.tasks.mdp.StateKind;
import io.icrl.tasks.mdp.TabularMdp;
import io.icrl.tasks.mdp.TabularMdpBuilder;

/**
 * Gymnasium's CliffWalking (4 x 12 grid, Sutton and Barto's example 6.6) as an exact {@link
 * TabularMdp}, outcome for outcome as Gymnasium 1.x's {@code P} table.
 *
 * <p>State {@code row * 12 + col}; actions 0 up, 1 right, 2 down, 3 left; moves off the grid stay in
 * place. Every move costs -1 and entering the goal (3, 11) terminates. Entering the cliff (3,
 * 1..10) costs -100 and puts the agent back on the start (3, 0) <em>without</em> terminating. Rows
 * are computed for every cell, the cliff and the goal included, exactly like Gymnasium (the goal is
 * not absorbing). The slippery variant lists the directions {@code (a-1) mod 4, a, (a+1) mod 4},
 * each with probability 1/3. Episodes always start at state 36.
 */
public final class CliffWalking {
  public static final int ROWS = 4;
  public static final int COLS = 12;
  public static final int START = 3 * COLS;
  public static final int GOAL = ROWS * COLS - 1;

  private static final int[][] DELTAS = {{-1, 0}, {0, 1}, {1, 0}, {0, -1}};

  private CliffWalking() {}

  /** The MDP; {@code maxEpisodeSteps} is {@link Integer#MAX_VALUE} as registered (no TimeLimit). */
  public static TabularMdp build(String name, boolean slippery, int maxEpisodeSteps) {
    TabularMdpBuilder b = TabularMdp.builder(ROWS * COLS, 4).name(name)
        .maxEpisodeSteps(maxEpisodeSteps).start(START, 1.0).kind(GOAL, StateKind.GOAL);
    for (int s = 0; s < ROWS * COLS; s++) {
      int row = s / COLS;
      int col = s % COLS;
      for (int a = 0; a < 4; a++) {
        int[] dirs = slippery ? new int[] {Math.floorMod(a - 1, 4), a, Math.floorMod(a + 1, 4)}
            : new int[] {a};
        double p = 1.0 / dirs.length;
        for (int dir : dirs) {
          int r = Math.max(0, Math.min(ROWS - 1, row + DELTAS[dir][0]));
          int c = Math.max(0, Math.min(COLS - 1, col + DELTAS[dir][1]));
          if (isCliff(r, c)) {
            b.outcome(s, a, START, p, -100.0, false);
          } else {
            int next = r * COLS + c;
            b.outcome(s, a, next, p, -1.0, next == GOAL);
          }
        }
      }
    }
    return b.build();
  }

  /** True on the cliff cells (3, 1..10). */
  public static boolean isCliff(int row, int col) {
    return row == ROWS - 1 && col >= 1 && col <= COLS - 2;
  }
}
