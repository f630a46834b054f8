/**
 * Data synthesis: {@link io.icrl.synth.SynthSettings} (the {@code icrl.synth} config), {@link
 * io.icrl.synth.SynthJob} (generate a dataset of shards + manifest, in parallel, resumable) and
 * {@link io.icrl.synth.SynthProgress} (progress callbacks for the CLI and the cluster).
 */
package io.icrl.synth;
