/**
 * Rolling behavior policies out on tasks into long multi-episode sequences held in primitive
 * columns: {@link io.icrl.synth.rollout.SequenceSynthesizer} turns (settings, sequence index) into
 * {@link io.icrl.synth.rollout.SequenceColumns}, bit-identically on every machine.
 */
package io.icrl.synth.rollout;
