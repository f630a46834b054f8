package io.icrl.tasks.gym;

import io.icrl.core.InvalidInputException;
import io.icrl.core.Seeds;
import java.util.ArrayDeque;
import java.util.List;
import java.util.SplittableRandom;

/**
 * FrozenLake maps: Gymnasium's two named maps, custom maps written as rows, and random maps.
 *
 * <p>Tiles: {@code S} start, {@code F} frozen, {@code H} hole, {@code G} goal. A random map follows
 * Gymnasium's {@code generate_random_map} semantics: every tile is frozen with probability {@code p}
 * and a hole otherwise, the top-left tile is the start and the bottom-right the goal, and the map is
 * drawn again until the goal can be reached from the start through non-hole tiles. The draws come
 * from our own {@link SplittableRandom} stream (NumPy's are not reproduced), so a given {@code
 * (size, p, seed)} always gives the same map on every machine.
 */
public final class FrozenLakeMaps {
  /** Gymnasium's {@code MAPS["4x4"]}. */
  public static final List<String> MAP_4X4 = List.of("SFFF", "FHFH", "FFFH", "HFFG");

  /** Gymnasium's {@code MAPS["8x8"]}. */
  public static final List<String> MAP_8X8 = List.of(
      "SFFFFFFF",
      "FFFFFFFF",
      "FFFHFFFF",
      "FFFFFHFF",
      "FFFHFFFF",
      "FHHFFFHF",
      "FHFFHFHF",
      "FFFHFFFG");

  /** Largest side accepted for random and custom maps. */
  public static final int MAX_SIZE = 1000;

  /** Attempts after which random map generation gives up (only reachable for tiny {@code p}). */
  public static final int MAX_ATTEMPTS = 100_000;

  private FrozenLakeMaps() {}

  /** The named map {@code 4x4} or {@code 8x8}. */
  public static List<String> named(String name) {
    return switch (name) {
      case "4x4" -> MAP_4X4;
      case "8x8" -> MAP_8X8;
      default -> throw new InvalidInputException("unknown FrozenLake map_name '" + name
          + "' (known: 4x4, 8x8)");
    };
  }

  /**
   * Parses a custom map given as rows separated by {@code /}, e.g. {@code SFFF/FHFH/FFFH/HFFG}. Rows
   * must have equal length and use only the letters S, F, H, G, with at least one S.
   */
  public static List<String> parse(String desc) {
    List<String> rows = List.of(desc.trim().split("/", -1));
    validate(rows, "desc '" + desc + "'");
    return rows;
  }

  /** Checks that {@code rows} form a rectangular map of S/F/H/G tiles with a start tile. */
  public static void validate(List<String> rows, String where) {
    if (rows.isEmpty() || rows.get(0).isEmpty()) {
      throw new InvalidInputException("FrozenLake " + where + ": empty map");
    }
    int cols = rows.get(0).length();
    if (rows.size() > MAX_SIZE || cols > MAX_SIZE) {
      throw new InvalidInputException("FrozenLake " + where + ": map larger than " + MAX_SIZE
          + " tiles per side");
    }
    boolean hasStart = false;
    for (int r = 0; r < rows.size(); r++) {
      String row = rows.get(r);
      if (row.length() != cols) {
        throw new InvalidInputException("FrozenLake " + where + ": row " + r + " has "
            + row.length() + " tiles, row 0 has " + cols);
      }
      for (int c = 0; c < cols; c++) {
        char t = row.charAt(c);
        if ("SFHG".indexOf(t) < 0) {
          throw new InvalidInputException("FrozenLake " + where + ": tile '" + t + "' at row " + r
              + ", column " + c + " (tiles are S, F, H, G)");
        }
        hasStart |= t == 'S';
      }
    }
    if (!hasStart) {
      throw new InvalidInputException("FrozenLake " + where + ": no start tile S");
    }
  }

  /**
   * A random {@code size x size} map whose goal is reachable, drawn from the stream {@code
   * "frozenlake-map"} of {@code seed}.
   */
  public static List<String> random(int size, double p, long seed) {
    if (size < 2 || size > MAX_SIZE) {
      throw new InvalidInputException("FrozenLake random map: size " + size + " out of [2, "
          + MAX_SIZE + "]");
    }
    if (!(p > 0 && p <= 1)) {
      throw new InvalidInputException("FrozenLake random map: frozen probability p=" + p
          + " must be in (0, 1]");
    }
    SplittableRandom rng = Seeds.rng(seed, "frozenlake-map", size);
    char[][] board = new char[size][size];
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      for (char[] row : board) {
        for (int c = 0; c < size; c++) {
          row[c] = rng.nextDouble() < p ? 'F' : 'H';
        }
      }
      board[0][0] = 'S';
      board[size - 1][size - 1] = 'G';
      if (goalReachable(board)) {
        String[] rows = new String[size];
        for (int r = 0; r < size; r++) {
          rows[r] = new String(board[r]);
        }
        return List.of(rows);
      }
    }
    throw new InvalidInputException("FrozenLake random map: no map of size " + size
        + " with a path to the goal after " + MAX_ATTEMPTS + " draws at p=" + p
        + "; raise p");
  }

  /** True when a goal tile can be reached from the top-left tile through non-hole tiles. */
  static boolean goalReachable(char[][] board) {
    int rows = board.length;
    int cols = board[0].length;
    boolean[] seen = new boolean[rows * cols];
    ArrayDeque<Integer> frontier = new ArrayDeque<>();
    frontier.push(0);
    seen[0] = true;
    int[][] dirs = {{1, 0}, {0, 1}, {-1, 0}, {0, -1}};
    while (!frontier.isEmpty()) {
      int cell = frontier.pop();
      int r = cell / cols;
      int c = cell % cols;
      for (int[] d : dirs) {
        int nr = r + d[0];
        int nc = c + d[1];
        if (nr < 0 || nr >= rows || nc < 0 || nc >= cols || seen[nr * cols + nc]) {
          continue;
        }
        char t = board[nr][nc];
        if (t == 'G') {
          return true;
        }
        if (t != 'H') {
          seen[nr * cols + nc] = true;
          frontier.push(nr * cols + nc);
        }
      }
    }
    return false;
  }
}
