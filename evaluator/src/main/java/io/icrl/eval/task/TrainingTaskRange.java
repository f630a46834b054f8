package io.icrl.eval.task;

import io.icrl.core.InvalidInputException;
import io.icrl.tasks.TaskParams;
import java.util.List;

/**
 * The generated tasks a checkpoint was trained on: seeds {@code [firstSeed, firstSeed + count)} of
 * one generator (e.g. {@code anymdp}) and of any generators mixed in with it, recorded in the
 * checkpoint. Evaluation must stay off them: {@link #requireHeldOut(String)} rejects a task id of
 * one of those generators whose seed is in the range.
 *
 * @param generator the generator's task name, e.g. {@code anymdp}
 * @param firstSeed the first training seed
 * @param count how many consecutive seeds were used for training
 * @param states the training tasks' {@code states} parameter (0 if unknown)
 * @param actions the training tasks' {@code actions} parameter (0 if unknown)
 * @param mixedGenerators the generators of tasks mixed in with the same seed range (may be empty)
 */
public record TrainingTaskRange(String generator, long firstSeed, long count, int states,
    int actions, List<String> mixedGenerators) {
  /** A range of one generator. */
  public TrainingTaskRange(String generator, long firstSeed, long count, int states,
      int actions) {
    this(generator, firstSeed, count, states, actions, List.of());
  }

  public TrainingTaskRange {
    mixedGenerators = mixedGenerators == null ? List.of() : List.copyOf(mixedGenerators);
    if (generator == null || generator.isBlank()) {
      throw new InvalidInputException("training task range: empty generator name");
    }
    if (count < 0) {
      throw new InvalidInputException("training task range: negative seed count " + count);
    }
    if (states < 0 || actions < 0) {
      throw new InvalidInputException("training task range: negative task size " + states + "x"
          + actions);
    }
  }

  /** A range whose task sizes are unknown. */
  public TrainingTaskRange(String generator, long firstSeed, long count) {
    this(generator, firstSeed, count, 0, 0);
  }

  /** True when the training tasks' sizes are known. */
  public boolean sizesKnown() {
    return states > 0 && actions > 0;
  }

  /** One past the last training seed. */
  public long endSeed() {
    return firstSeed + count;
  }

  public boolean contains(long seed) {
    return seed >= firstSeed && seed - firstSeed < count;
  }

  /**
   * Fails with a clear error when {@code taskId} names this generator with a seed inside the
   * training range (or with no explicit seed, since it could not be checked). Other tasks pass.
   */
  public void requireHeldOut(String taskId) {
    TaskParams p = TaskParams.parse(taskId);
    if (!p.name().equals(generator) && !mixedGenerators.contains(p.name())) {
      return;
    }
    if (!p.has("seed")) {
      throw new InvalidInputException("task '" + taskId + "': evaluating a " + p.name()
          + " task needs an explicit seed=K outside the checkpoint's training seeds [" + firstSeed
          + ", " + endSeed() + ")");
    }
    long seed = p.getLong("seed", 0);
    if (contains(seed)) {
      throw new InvalidInputException("task '" + taskId + "': seed " + seed + " is inside the"
          + " checkpoint's training seeds [" + firstSeed + ", " + endSeed() + ") of " + p.name()
          + "; evaluation needs held-out tasks (use a seed >= " + endSeed() + " or < " + firstSeed
          + ", or --suite held-out-anymdp)");
    }
  }
}
