package io.icrl.synth.format;

import com.fasterxml.jackson.databind.JsonNode;
import io.icrl.core.InvalidInputException;
import io.icrl.tasks.TaskParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which generated tasks a dataset's sequences ran on: tasks {@code
 * "<family>:states=<states>,actions=<actions>,seed=<k>[,<params>]"} with task seeds {@code k} in
 * {@code [seedStart, seedStart + seedCount)}. Recorded by the learner in its checkpoints so an
 * evaluation can hold those tasks out.
 *
 * @param family the task generator's name in {@code TaskRegistry}, e.g. {@code anymdp}
 * @param states the {@code states} parameter of the task ids
 * @param actions the {@code actions} parameter of the task ids
 * @param params extra task parameters appended to the ids ("" for none)
 * @param seedStart the first task seed
 * @param seedCount how many consecutive task seeds the range holds
 * @param mixed the tasks mixed in ({@code icrl.synth.task.mix}): ids without their seed, such as
 *     {@code darkroom:size=4}, run with seeds from the same range; empty when none
 */
public record TrainingTasks(String family, int states, int actions, String params,
    long seedStart, long seedCount, List<String> mixed) {
  /** Training tasks of one family, nothing mixed in. */
  public TrainingTasks(String family, int states, int actions, String params, long seedStart,
      long seedCount) {
    this(family, states, actions, params, seedStart, seedCount, List.of());
  }

  public TrainingTasks {
    mixed = mixed == null ? List.of() : List.copyOf(mixed);
    if (family == null || family.isBlank()) {
      throw new InvalidInputException("training tasks: empty task family");
    }
    if (states <= 0 || actions <= 0) {
      throw new InvalidInputException("training tasks: sizes must be positive, got states="
          + states + ", actions=" + actions);
    }
    if (seedCount < 0 || seedStart + seedCount < seedStart) {
      throw new InvalidInputException("training tasks: bad seed range start=" + seedStart
          + ", count=" + seedCount);
    }
    params = params == null ? "" : params;
  }

  /**
   * The training tasks of a dataset as its manifest records them (family and seed range, sizes and
   * parameters from {@code settings.task}); empty when the manifest does not say.
   */
  public static Optional<TrainingTasks> of(Manifest m) {
    JsonNode task = m.settings() == null ? null : m.settings().get("task");
    if (m.taskFamily() == null || m.taskFamily().isBlank() || task == null
        || !task.hasNonNull("states") || !task.hasNonNull("actions")) {
      return Optional.empty();
    }
    String params = task.hasNonNull("params") ? task.get("params").asText() : "";
    List<String> mixed = new ArrayList<>();
    for (JsonNode entry : task.path("mix")) {
      mixed.add(entry.path("id").asText());
    }
    return Optional.of(new TrainingTasks(m.taskFamily(), task.get("states").asInt(),
        task.get("actions").asInt(), params, m.taskSeedStart(), m.taskSeedCount(), mixed));
  }

  /** The task families of the training tasks: the primary family, then the mixed-in ones. */
  public List<String> families() {
    List<String> out = new ArrayList<>(List.of(family));
    for (String id : mixed) {
      String f = TaskParams.parse(id).name();
      if (!out.contains(f)) {
        out.add(f);
      }
    }
    return out;
  }

  /** One past the last task seed. */
  public long seedEnd() {
    return seedStart + seedCount;
  }
}
