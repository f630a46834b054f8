package io.icrl.learner.bench;

import java.util.List;

/** Benchmark shapes ({@code icrl.learner.bench}). */
public record BenchSettings(int threads, int trainSteps, int warmupSteps,
    List<Integer> inferContexts, int inferSteps) {}
