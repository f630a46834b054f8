package io.icrl.eval;

import io.icrl.core.InvalidInputException;
import io.icrl.eval.task.TrainingTaskRange;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The task ids of a sweep from {@code --task} ids and {@code --suite} names (in that order,
 * duplicates dropped); with neither, the configured default suites.
 */
public final class TaskSelection {
  private TaskSelection() {}

  /** Resolves the task list; {@code training} places the held-out AnyMDP suite past its seeds. */
  public static List<String> resolve(List<String> tasks, List<String> suites, EvalSettings s,
      Optional<TrainingTaskRange> training) {
    List<String> names = tasks.isEmpty() && suites.isEmpty() ? s.defaultSuites() : suites;
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (String t : tasks) {
      if (t.isBlank()) {
        throw new InvalidInputException("--task: empty task id");
      }
      out.add(t.trim());
    }
    for (String name : names) {
      out.addAll(suite(name, s, training));
    }
    return new ArrayList<>(out);
  }

  /** The task ids of one suite. */
  public static List<String> suite(String name, EvalSettings s,
      Optional<TrainingTaskRange> training) {
    if (name.equals(HeldOutSuite.NAME)) {
      return s.heldOut().taskIds(training);
    }
    if (name.equals(HeldOutSuite.VALIDATION_NAME)) {
      List<String> ids = s.validation().taskIds(training);
      List<String> heldOut = s.heldOut().taskIds(training);
      for (String id : ids) {
        if (heldOut.contains(id)) {
          throw new InvalidInputException("suite '" + name + "': task '" + id + "' is also in '"
              + HeldOutSuite.NAME + "' (move " + EvalSettings.PATH + "."
              + HeldOutSuite.VALIDATION_NAME + ".first-seed further from the held-out seeds)");
        }
      }
      return ids;
    }
    List<String> ids = s.suites().get(name);
    if (ids == null) {
      List<String> known = new ArrayList<>(s.suites().keySet());
      known.add(HeldOutSuite.NAME);
      known.add(HeldOutSuite.VALIDATION_NAME);
      throw new InvalidInputException("unknown suite '" + name + "'; known: "
          + String.join(", ", known) + " (suites are configured under " + EvalSettings.PATH
          + ".suites)");
    }
    return ids;
  }
}
