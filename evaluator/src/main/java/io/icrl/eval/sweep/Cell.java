package io.icrl.eval.sweep;

import io.icrl.eval.Mode;

/**
 * One unit of a sweep: an agent's run of E episodes on a task in a mode, for one seed index.
 *
 * @param task the task id
 * @param mode the mode
 * @param agent the agent's name
 * @param seed the run index, 0..K-1
 */
public record Cell(String task, Mode mode, String agent, int seed) {
  /** A stable key naming the cell in journals. */
  public String key() {
    return task + "|" + mode.id() + "|" + agent + "|" + seed;
  }
}
