package io.icrl.tasks;

import io.icrl.core.InvalidInputException;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Makes tasks from string ids such as {@code FrozenLake-v1}, {@code FrozenLake-v1:is_slippery=false}
 * or {@code anymdp:states=16,actions=5,seed=3}. {@link #standard()} knows every built-in task.
 */
public final class TaskRegistry {
  private final Map<String, Function<TaskParams, Task>> factories = new TreeMap<>();

  /** A registry with every built-in task and generator. */
  public static TaskRegistry standard() {
    TaskRegistry r = new TaskRegistry();
    BuiltinTasks.registerAll(r);
    return r;
  }

  /** Registers a task name; the factory reads its parameters from {@link TaskParams}. */
  public TaskRegistry register(String name, Function<TaskParams, Task> factory) {
    if (factories.putIfAbsent(name, factory) != null) {
      throw new IllegalArgumentException("task name registered twice: " + name);
    }
    return this;
  }

  /** Makes the task for {@code id}; unknown names and bad parameters are clear errors. */
  public Task make(String id) {
    TaskParams p = TaskParams.parse(id);
    Function<TaskParams, Task> f = factories.get(p.name());
    if (f == null) {
      throw new InvalidInputException("unknown task id '" + p.name() + "'; known: "
          + String.join(", ", factories.keySet()));
    }
    Task task = f.apply(p);
    p.requireAllUsed();
    return task;
  }

  /** Registered names, sorted. */
  public java.util.Set<String> names() {
    return java.util.Collections.unmodifiableSet(factories.keySet());
  }
}
