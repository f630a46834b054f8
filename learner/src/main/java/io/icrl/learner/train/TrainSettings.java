package io.icrl.learner.train;

/**
 * Optimization settings ({@code icrl.learner.train}).
 *
 * @param window steps per training window (T)
 * @param batch windows per batch
 * @param steps length of the learning-rate schedule
 */
public record TrainSettings(int window, int batch, int steps, double lr, int warmupSteps,
    String schedule, double minLrRatio, double beta1, double beta2, double eps, double weightDecay,
    double gradClip, boolean permute, int checkpointEvery, int logEvery) {}
