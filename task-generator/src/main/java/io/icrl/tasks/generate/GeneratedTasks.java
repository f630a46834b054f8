package io.icrl.tasks.generate;

import io.icrl.tasks.TabularTask;
import io.icrl.tasks.TaskRegistry;
import io.icrl.tasks.mdp.TabularMdp;

/**
 * Registers every {@link Generators generator} as a task family, so ids such as {@code
 * anymdp:states=16,actions=5,seed=3} or {@code darkroom:seed=7} make {@link TabularTask}s whose id
 * is the canonical one.
 */
public final class GeneratedTasks {
  private GeneratedTasks() {}

  public static void register(TaskRegistry registry) {
    for (TaskGenerator g : Generators.all()) {
      registry.register(g.name(), p -> {
        long seed = p.getLong("seed", 0);
        TabularMdp mdp = g.generate(p, seed);
        return new TabularTask(mdp.name(), mdp);
      });
    }
  }
}
