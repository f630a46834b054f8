/**
 * Tasks by string id: parsing ({@link io.icrl.tasks.TaskParams}), the {@link io.icrl.tasks.Task}
 * abstraction and the {@link io.icrl.tasks.TaskRegistry} of built-in tasks and generators.
 */
package io.icrl.tasks;
