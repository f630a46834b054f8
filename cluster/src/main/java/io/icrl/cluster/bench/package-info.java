/**
 * Cluster benchmarks: shard streaming throughput between two JVMs over loopback and synthesis
 * throughput with one and two synth worker JVMs ({@code icrl bench cluster}).
 */
package io.icrl.cluster.bench;
