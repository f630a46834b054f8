package io.icrl.eval;

import com.typesafe.config.Config;
import io.icrl.core.Settings;
import io.icrl.eval.task.TrainingTaskRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A generated suite of AnyMDP tasks: {@code held-out-anymdp} (the tasks results are reported on)
 * or {@code validation-anymdp} (where evaluation settings such as the sampling temperature are
 * chosen, so that the held-out tasks are not used for choosing). {@code count} AnyMDP tasks whose
 * seeds start at {@code firstSeed}, or just past the checkpoint's training seeds when the two
 * ranges overlap. When the checkpoint was trained on AnyMDP tasks of known size, the suite's tasks
 * have that size (the configured {@code states} and {@code actions} are used otherwise).
 *
 * @param count number of tasks
 * @param states states of each task (the checkpoint's training size)
 * @param actions actions of each task
 * @param firstSeed the first seed when no training range pushes it further
 */
public record HeldOutSuite(int count, int states, int actions, long firstSeed) {
  /** The held-out suite's name for {@code --suite}. */
  public static final String NAME = "held-out-anymdp";
  /** The validation suite's name for {@code --suite}. */
  public static final String VALIDATION_NAME = "validation-anymdp";
  /** The generator's task name. */
  public static final String GENERATOR = "anymdp";

  public static HeldOutSuite fromConfig(Config c, String path) {
    return new HeldOutSuite(Settings.positiveInt(c, path + ".count"),
        Settings.positiveInt(c, path + ".states"), Settings.positiveInt(c, path + ".actions"),
        Settings.longValue(c, path + ".first-seed"));
  }

  /** The suite's task ids, past {@code training} and at its size when it is known. */
  public List<String> taskIds(Optional<TrainingTaskRange> training) {
    long first = firstSeed;
    int s = states;
    int a = actions;
    if (training.isPresent() && training.get().generator().equals(GENERATOR)) {
      TrainingTaskRange r = training.get();
      if (first < r.endSeed() && first + count > r.firstSeed()) {
        first = r.endSeed();
      }
      if (r.sizesKnown()) {
        s = r.states();
        a = r.actions();
      }
    }
    List<String> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ids.add(GENERATOR + ":states=" + s + ",actions=" + a + ",seed=" + (first + i));
    }
    return ids;
  }
}
