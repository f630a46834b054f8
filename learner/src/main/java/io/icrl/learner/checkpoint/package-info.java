/** Crash-safe checkpoints (parameters, optimizer state, cursor, config) and run manifests. */
package io.icrl.learner.checkpoint;
