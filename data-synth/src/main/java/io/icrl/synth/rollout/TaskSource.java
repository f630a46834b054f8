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
 * the {@link TaskRegistry} from the task id {@code <family>:states=..,actions=..,seed=..}.
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

  /** The tabular MDP of the task with seed {@code taskSeed}. */
  public TabularMdp mdp(long taskSeed) {
    String id = settings.taskId(taskSeed);
    Task task = registry.make(id);
    return task.mdp().orElseThrow(() -> new InvalidInputException("task " + id
        + " is not tabular; data synthesis needs an exact MDP for its reference policies"))
        .withName(id);
  }
}
