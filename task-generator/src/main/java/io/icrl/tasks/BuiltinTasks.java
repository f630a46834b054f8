package io.icrl.tasks;

/** The list of built-in task families; each family registers its own names. */
final class BuiltinTasks {
  private BuiltinTasks() {}

  static void registerAll(TaskRegistry r) {
    io.icrl.tasks.gym.GymTasks.register(r);
    io.icrl.tasks.generate.GeneratedTasks.register(r);
  }
}
