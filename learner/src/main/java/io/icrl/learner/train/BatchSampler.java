package io.icrl.learner.train;

import io.icrl.core.InvalidInputException;
import io.icrl.core.Seeds;
import io.icrl.learner.model.Alibi;
import io.icrl.learner.model.ModelConfig;
import io.icrl.learner.model.StepEncoding;
import io.icrl.learner.model.SymbolPermutation;
import io.icrl.synth.format.StepWindow;
import io.icrl.synth.format.WindowSource;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws training batches from a {@link WindowSource}. Batch number k is a pure function of (seed,
 * k): its random draws (which sequences, where the windows start, the symbol permutations) come
 * from {@code Seeds.rng(seed, "batch", k)}. The data cursor of a run is therefore just the index
 * of its next batch, and a resumed run sees exactly the batches the uninterrupted run would have.
 *
 * <p>Windows start anywhere in a sequence, with probability proportional to the sequence's length;
 * each reads {@code steps + 1} rows so that the last token also has a next-state target.
 */
public final class BatchSampler {
  private final WindowSource source;
  private final ModelConfig cfg;
  private final LossWeights weights;
  private final int rows;
  private final int steps;
  private final long seed;
  private final boolean permute;
  private final long[] cumulative;
  private final StepWindow window;

  public BatchSampler(WindowSource source, ModelConfig cfg, LossWeights weights, int rows,
      int steps, long seed, boolean permute) {
    this.source = source;
    this.cfg = cfg;
    this.weights = weights;
    this.rows = rows;
    this.steps = steps;
    this.seed = seed;
    this.permute = permute;
    if (source.sequenceCount() == 0) {
      throw new InvalidInputException("dataset " + source.datasetId() + " has no sequences");
    }
    if (source.maxStates() > cfg.stateVocab()) {
      throw new InvalidInputException("dataset " + source.datasetId() + " has tasks with "
          + source.maxStates() + " states but the model's state vocabulary holds "
          + cfg.stateVocab() + " (set icrl.learner.model.state-vocab)");
    }
    if (source.maxActions() > cfg.actionVocab()) {
      throw new InvalidInputException("dataset " + source.datasetId() + " has tasks with "
          + source.maxActions() + " actions but the model's action vocabulary holds "
          + cfg.actionVocab() + " (set icrl.learner.model.action-vocab)");
    }
    this.cumulative = new long[source.sequenceCount() + 1];
    for (int s = 0; s < source.sequenceCount(); s++) {
      cumulative[s + 1] = cumulative[s] + source.sequenceLength(s);
    }
    if (cumulative[cumulative.length - 1] == 0) {
      throw new InvalidInputException("dataset " + source.datasetId() + " has no rows");
    }
    this.window = new StepWindow(steps + 1);
  }

  public Batch newBatch() {
    return new Batch(cfg, rows, steps);
  }

  /** Fills {@code out} with batch number {@code index}. */
  public void fill(long index, Batch out) {
    SplittableRandom rng = Seeds.rng(seed, "batch", index);
    out.realTokens = 0;
    for (int r = 0; r < rows; r++) {
      int seq = pickSequence(rng.nextLong(cumulative[cumulative.length - 1]));
      long len = source.sequenceLength(seq);
      long start = len > steps ? rng.nextLong(len - steps) : 0;
      int count = (int) Math.min(len - start, steps + 1L);
      source.read(seq, start, count, window);
      SymbolPermutation perm = permute
          ? SymbolPermutation.random(window.states, window.actions, cfg.stateVocab(),
              cfg.actionVocab(), rng)
          : SymbolPermutation.identity(window.states, window.actions, cfg.stateVocab(),
              cfg.actionVocab());
      out.realTokens += encodeRow(perm, out, r);
    }
  }

  /** Tokens and targets of {@link #window} into row {@code r}; returns its real token count. */
  private int encodeRow(SymbolPermutation perm, Batch out, int r) {
    int n = StepEncoding.encodeWindow(cfg, perm, window, out.tokens, r);
    int base = r * steps;
    Arrays.fill(out.label, base, base + steps, 0);
    Arrays.fill(out.policyWeight, base, base + steps, 0f);
    Arrays.fill(out.taken, base, base + steps, 0);
    Arrays.fill(out.nextState, base, base + steps, 0);
    Arrays.fill(out.reward, base, base + steps, 0f);
    Arrays.fill(out.worldWeight, base, base + steps, 0f);
    for (int t = 0; t < n; t++) {
      if (window.isBoundary(t)) {
        continue;
      }
      float w = weights.ramp(t);
      int i = base + t;
      if (window.label[t] >= 0) {
        out.label[i] = perm.action(window.label[t]);
        out.policyWeight[i] = w;
      }
      out.taken[i] = perm.action(window.action[t]);
      out.reward[i] = StepEncoding.rewardFeature(window.reward[t]);
      if (t + 1 < window.length) {
        out.nextState[i] = perm.state(window.state[t + 1]);
        out.worldWeight[i] = w;
      }
    }
    int av = cfg.actionVocab();
    for (int a = 0; a < av; a++) {
      out.actionMask[r * av + a] = perm.actionUsed(a) ? 0f : Alibi.MASKED;
    }
    return n;
  }

  private int pickSequence(long row) {
    int i = Arrays.binarySearch(cumulative, row);
    // cumulative[s] <= row < cumulative[s + 1]; skip empty sequences sharing a boundary
    int s = i >= 0 ? i : -i - 2;
    while (cumulative[s + 1] <= row) {
      s++;
    }
    return s;
  }
}
