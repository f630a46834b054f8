package io.icrl.synth.rollout;

import io.icrl.core.InvalidInputException;
import io.icrl.core.Seeds;
import io.icrl.synth.SynthSettings;
import io.icrl.tasks.Task;
import io.icrl.tasks.TaskRegistry;
import io.icrl.tasks.mdp.TabularMdp;

/**
 * Which task sequence i runs on: a seed drawn uniformly from the configured range {@code
 * [seed-start, seed-start + seed-count)} with stream {@code "task"} of (root seed, i), made through
 * the {@link TaskRegistry} from the task id {@code <family>:states=..,actions=..,seed=..}. When
 * tasks are mixed in ({@code icrl.synth.task.mix}), stream {@code "task-kind"} of (root seed, i)
 * picks the primary task or one of them by weight, and the mixed-in task gets the same seed.
 */
public final class TaskSource {
  private final SynthSettings.TaskSettings settings;
  private final TaskRegistry registry;

  public TaskSource(SynthSettings.TaskSettings settings, TaskRegistry registry) {
    this.settings = settings;
    this.registry = registry;
  }

  /** The task seed of sequence {@code index}. */
  public long taskSeed(long root, int index) {
    return settings.seedStart() + Seeds.rng(root, "task", index).nextLong(settings.seedCount());
  }

  /** The id of the task sequence {@code index} runs on. */
  public String taskId(long root, int index) {
    long seed = taskSeed(root, index);
    if (settings.mix().isEmpty()) {
      return settings.taskId(seed);
    }
    double u = Seeds.rng(root, "task-kind", index).nextDouble();
    double acc = settings.primaryWeight();
    if (u < acc) {
      return settings.taskId(seed);
    }
    for (SynthSettings.MixedTask m : settings.mix()) {
      acc += m.weight();
      if (u < acc) {
        return m.taskId(seed);
      }
    }
    return settings.mix().get(settings.mix().size() - 1).taskId(seed);
  }

  /** Makes every configured task once (with the seed of sequence 0), so bad ids fail early. */
  public void check(long root) {
    long seed = taskSeed(root, 0);
    mdp(settings.taskId(seed));
    for (SynthSettings.MixedTask m : settings.mix()) {
      mdp(m.taskId(seed));
    }
  }

  /** The tabular MDP of the primary task with seed {@code taskSeed}. */
  public TabularMdp mdp(long taskSeed) {
    return mdp(settings.taskId(taskSeed));
  }

  /** The tabular MDP of the task {@code id}. */
  public TabularMdp mdp(String id) {
    Task task = registry.make(id);
    return task.mdp().orElseThrow(() -> new InvalidInputException("task " + id
        + " is not tabular; data synthesis needs an exact MDP for its reference policies"))
        .withName(id);
  }
}
