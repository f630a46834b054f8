package io.icrl.learner.train;

/**
 * Optimization settings ({@code icrl.learner.train}).
 *
 * @param window steps per training window (T)
 * @param batch windows per batch
 * @param steps length of the learning-rate schedule
 * @param maxSkippedSteps consecutive steps with a non-finite loss or gradient (skipped without an
 *     update) after which training stops as diverged
 * @param suspectGradNorm a gradient norm above which (or a non-finite one) the step's gradient is
 *     computed again once on the same batch; if it is still above, the step is skipped
 */
public record TrainSettings(int window, int batch, int steps, double lr, int warmupSteps,
    String schedule, double minLrRatio, double beta1, double beta2, double eps, double weightDecay,
    double gradClip, boolean permute, int checkpointEvery, int logEvery,
    int maxSkippedSteps, double suspectGradNorm) {}
