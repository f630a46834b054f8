package io.icrl.learner.train;

/**
 * What one training step measured.
 *
 * @param step the 1-based number of the step just taken
 * @param loss weighted total loss
 * @param accuracy share of labelled positions whose argmax action is the label
 * @param tokensPerSecond real tokens per second of wall time over this step (data included)
 * @param recomputed the first gradient was non-finite or suspect and was computed again
 * @param skipped the step made no update (a non-finite loss, or a bad gradient twice)
 */
public record StepMetrics(long step, double loss, double policyLoss, double nextStateLoss,
    double rewardLoss, double accuracy, double learningRate, double gradNorm,
    double tokensPerSecond, long tokens, boolean recomputed, boolean skipped) {}
