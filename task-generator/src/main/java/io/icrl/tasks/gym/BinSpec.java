package io.icrl.tasks.gym;

import io.icrl.core.InvalidInputException;

/**
 * A discretization grid {@code AxB}, e.g. OmniRL's {@code 12x5}: {@code first} bins for the first
 * state variable (Pendulum's angle, MountainCar's position) and {@code second} for the second (the
 * velocity). The discrete state is {@code second * firstBin + secondBin}.
 */
public record BinSpec(int first, int second) {
  /** Most bins accepted per variable. */
  public static final int MAX_BINS = 10_000;

  public BinSpec {
    if (first <= 0 || second <= 0 || first > MAX_BINS || second > MAX_BINS) {
      throw new InvalidInputException("bins " + first + "x" + second + ": each count must be in [1, "
          + MAX_BINS + "]");
    }
  }

  /** Parses {@code AxB}; {@code where} names the task id in errors. */
  public static BinSpec parse(String spec, String where) {
    String s = spec.trim().toLowerCase(java.util.Locale.ROOT);
    int x = s.indexOf('x');
    if (x <= 0 || x == s.length() - 1 || s.indexOf('x', x + 1) >= 0) {
      throw new InvalidInputException(where + ": bins=" + spec
          + " is not a grid like 12x5 (angle or position bins x velocity bins)");
    }
    try {
      return new BinSpec(Integer.parseInt(s.substring(0, x)), Integer.parseInt(s.substring(x + 1)));
    } catch (NumberFormatException e) {
      throw new InvalidInputException(where + ": bins=" + spec
          + " is not a grid like 12x5 (two positive integers)");
    } catch (InvalidInputException e) {
      throw new InvalidInputException(where + ": " + e.getMessage());
    }
  }

  /** Number of discrete states. */
  public int states() {
    return first * second;
  }

  @Override
  public String toString() {
    return first + "x" + second;
  }
}
