package io.icrl.learner.train;

import io.icrl.synth.format.WindowSource;
import java.util.Map;

/**
 * Lets a {@link Trainer} draw its batches from data that changes while it trains (e.g. a bounded
 * pool of the most recent shards of a dataset that is still being synthesized). The trainer asks
 * before every step which source batch {@code step} is drawn from; returning another source than
 * the current one swaps it in (the trainer builds a new batch sampler over it). Called on the
 * training thread only.
 *
 * <p>A run that refreshes its data is not bit-reproducible when what the refresh returns depends
 * on timing: batch k is still a pure function of (seed, k, the source of step k), but the source
 * of step k is whatever had arrived by then. Its {@link WindowSource#datasetId()} must stay the
 * same across refreshes (it is recorded in checkpoints and checked on resume).
 */
public interface DataRefresh {
  /**
   * The source to draw batch {@code step} (1-based) from: {@code current}, or a new source that
   * replaces it. The refresh owns the sources it returns (closing replaced ones is up to it).
   */
  WindowSource before(long step, WindowSource current);

  /** What to record under {@code data-refresh} in the run manifest (kind, bounds, ...). */
  Map<String, Object> describe();
}
