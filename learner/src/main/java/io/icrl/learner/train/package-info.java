/** Training: window sampling into batches, losses, AdamW, learning-rate schedules, metrics. */
package io.icrl.learner.train;
