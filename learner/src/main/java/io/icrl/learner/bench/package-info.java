/** Throughput benchmarks of training (tokens/s) and cached inference (steps/s). */
package io.icrl.learner.bench;
