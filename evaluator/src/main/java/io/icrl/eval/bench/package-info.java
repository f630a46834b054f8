/** Throughput measurements of evaluation agents, for {@code icrl bench eval}. */
package io.icrl.eval.bench;
