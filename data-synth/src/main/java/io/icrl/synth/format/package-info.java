/**
 * icrl's trajectory format (docs/data-format.md): the Arrow schema ({@link
 * io.icrl.synth.format.TrajectorySchema}), the crash-safe shard writer, the manifest, and the
 * memory-mapped reader ({@link io.icrl.synth.format.Dataset}) that serves windows of consecutive
 * steps ({@link io.icrl.synth.format.StepWindow}) to the learner through {@link
 * io.icrl.synth.format.WindowSource}.
 */
package io.icrl.synth.format;
