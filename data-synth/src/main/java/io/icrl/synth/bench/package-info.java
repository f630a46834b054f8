/**
 * Throughput benchmarks of data synthesis and of the Arrow format ({@code ./icrl bench synth}),
 * plus a small stand-in random MDP family for benchmarks and tests.
 */
package io.icrl.synth.bench;
