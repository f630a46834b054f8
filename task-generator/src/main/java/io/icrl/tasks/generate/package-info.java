/**
 * Versioned random-MDP generators selected by name ({@link io.icrl.tasks.generate.Generators}):
 * {@code anymdp} (OmniRL's current AnyMDP, the default), {@code anymdp-v1} (the earlier geometric
 * AnyMDP), {@code garnet} and {@code darkroom}. Each is a pure function of its parameters and seed,
 * bit-identical on every machine and thread count; {@link
 * io.icrl.tasks.generate.GeneratedTasks} registers them as task ids such as {@code
 * anymdp:states=16,actions=5,seed=3}. {@link io.icrl.tasks.generate.AnyMdpAcceptance} holds AnyMDP's
 * learnability checks.
 */
package io.icrl.tasks.generate;
