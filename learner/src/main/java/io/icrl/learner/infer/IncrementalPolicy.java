package io.icrl.learner.infer;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import io.icrl.learner.model.KvCache;
import io.icrl.learner.model.LearnerModel;
import io.icrl.learner.model.ModelConfig;
import io.icrl.learner.model.StepEncoding;
import io.icrl.learner.model.StepTokens;
import io.icrl.learner.model.SymbolPermutation;

/**
 * The evaluator's view of a trained model: feed one step at a time, read action logits. Each
 * {@link #step} encodes the step exactly as training does ({@link StepEncoding}), appends it to a
 * per-layer key/value cache and returns the policy's logits over the task's actions; the result
 * equals a full forward pass over the context.
 *
 * <p>Feed rows with the semantics of training data: the first step of a run has flag {@code
 * FLAG_CONTEXT_START}; each action step passes the previous action, its reward and tag; when an
 * episode ends, feed its final observation as a step (its logits are meaningless) and then the next
 * episode's reset observation with no previous action and flag {@code FLAG_AFTER_TERMINATED} or
 * {@code FLAG_AFTER_TRUNCATED}.
 *
 * <p>Context policy: when the context holds {@code context} steps, the oldest whole episodes are
 * dropped until at most {@code keepFraction * context} steps remain (if a single episode is longer
 * than that, its oldest steps are dropped instead), the first kept step becomes a context start
 * (as the first step of a training window), and the kept steps are re-encoded into the cache.
 * A caller may {@link #pin} the steps fed so far (say, demonstrations): they then stay at the
 * start of the context and only whole episodes after them are dropped, until an episode after
 * them no longer fits beside them, when the pin is released and the policy above applies.
 * With {@link #dropLowestReturnFirst} on, a full context drops instead the complete episodes after
 * the pinned steps whose return is lowest (the episode being played always stays, the kept ones
 * keep their order); when even dropping all of them would not make room, the policy above applies.
 *
 * <p>Not thread-safe; use one instance per concurrently evaluated run.
 */
public final class IncrementalPolicy implements AutoCloseable {
  /** Most steps run through the cache in one forward pass (bounds the attention temporaries). */
  private static final int CHUNK = 512;
  private final LearnerModel model;
  private final ModelConfig cfg;
  private final int capacity;
  private final int keep;
  private final KvCache cache;
  private final StepTokens history;
  private SymbolPermutation perm;
  /** Steps in the context; steps {@code [cached, length)} are encoded but not yet in the cache. */
  private int length;
  private int cached;
  private long drops;
  /** Steps {@code [0, pinned)} are never dropped (0: nothing pinned). */
  private int pinned;
  /** The state of the previous step (its transition goes into the next token), -1 if none. */
  private int lastState = -1;
  /** The return of the episode being fed so far (see {@link StepTokens#returnSoFar}). */
  private double episodeReturn;
  /** Whether a full context drops the complete episodes of lowest return first (not the oldest). */
  private boolean lowestReturnFirst;

  public IncrementalPolicy(LearnerModel model, InferSettings settings) {
    this.model = model;
    this.cfg = model.config();
    this.capacity = settings.context();
    this.keep = Math.max(1, Math.min(capacity - 1, (int) (capacity * settings.keepFraction())));
    this.cache = new KvCache(cfg, capacity, model.device(), model.block().computeType());
    this.history = new StepTokens(1, capacity);
  }

  /** Starts a new run with the given symbol permutation (draw a fresh one per run). */
  public void reset(SymbolPermutation permutation) {
    if (permutation.actionVocab() != cfg.actionVocab()) {
      throw new IllegalArgumentException("permutation is for action vocabulary "
          + permutation.actionVocab() + ", the model's is " + cfg.actionVocab());
    }
    this.perm = permutation;
    this.length = 0;
    this.lastState = -1;
    this.episodeReturn = 0;
    this.cached = 0;
    this.pinned = 0;
    cache.clear();
  }

  /**
   * Pins the steps fed so far at the start of the context: from now on, when the context is full,
   * whole episodes after them are dropped instead. If they are more than {@code maxSteps} steps,
   * their oldest whole episodes are dropped first (the context-full policy with {@code maxSteps}
   * in place of the kept fraction; at most the kept steps less one are pinned). The pin lasts
   * until {@link #reset}, or until one episode after the pinned steps is too long to fit beside
   * them, which releases it.
   *
   * @return the number of steps pinned
   */
  public int pin(int maxSteps) {
    if (maxSteps < 1) {
      throw new IllegalArgumentException("maxSteps must be positive, got " + maxSteps);
    }
    if (perm == null) {
      throw new IllegalStateException("call reset(permutation) before pin");
    }
    int most = Math.min(maxSteps, keep - 1); // leave room for at least one step after them
    pinned = 0;
    if (length > most) {
      dropOldest(most);
    }
    pinned = length;
    return pinned;
  }

  /**
   * Chooses what a full context drops: with {@code on}, the complete episodes after the pinned
   * steps whose return (the sum of their rewards) is lowest, ties broken by age; otherwise (the
   * default) the oldest. Kept across {@link #reset}.
   */
  public void dropLowestReturnFirst(boolean on) {
    this.lowestReturnFirst = on;
  }

  /** Whether a full context drops the complete episodes of lowest return first. */
  public boolean dropsLowestReturnFirst() {
    return lowestReturnFirst;
  }

  /** Steps pinned at the start of the context (0 when nothing is pinned). */
  public int pinned() {
    return pinned;
  }

  /**
   * Appends one step and returns the logits of the task's actions {@code [0, actions)} at it.
   *
   * @param state the current observation (task state ID)
   * @param prompt the row's prompt code
   * @param prevAction the previous row's action, -1 if none (context or episode start)
   * @param prevReward the reward of the previous row's action (ignored when there is none)
   * @param prevTag the tag of the previous row's action, -1 if none or unknown to the caller
   * @param flag a {@code StepEncoding.FLAG_*} boundary flag
   */
  public float[] step(int state, int prompt, int prevAction, float prevReward, int prevTag,
      int flag) {
    add(state, prompt, prevAction, prevReward, prevTag, flag);
    return toTaskActions(flush());
  }

  /**
   * Appends one step whose logits the caller does not need (context data, an episode's final
   * observation). Its forward pass is deferred and batched with the following steps up to the
   * next {@link #step}, which gives the same results as stepping each one.
   */
  public void push(int state, int prompt, int prevAction, float prevReward, int prevTag,
      int flag) {
    add(state, prompt, prevAction, prevReward, prevTag, flag);
  }

  private void add(int state, int prompt, int prevAction, float prevReward, int prevTag,
      int flag) {
    if (perm == null) {
      throw new IllegalStateException("call reset(permutation) before the first step");
    }
    if (length == capacity && !(lowestReturnFirst && dropLowestReturn(keep))) {
      dropOldest(keep);
    }
    episodeReturn = flag == StepEncoding.FLAG_CONTINUE ? episodeReturn + prevReward : 0;
    StepEncoding.encodeStep(cfg, perm, state, prompt, lastState, prevAction, prevReward, prevTag,
        flag, episodeReturn, history, length);
    lastState = state;
    length++;
  }

  /** Runs the steps not yet in the cache through it, in chunks; the symbol logits of the last. */
  private float[] flush() {
    float[] logits = null;
    while (cached < length) {
      int n = Math.min(CHUNK, length - cached);
      logits = append(cached, n);
      cached += n;
    }
    return logits;
  }

  private float[] toTaskActions(float[] symbolLogits) {
    float[] out = new float[perm.actions()];
    for (int a = 0; a < out.length; a++) {
      out[a] = symbolLogits[perm.action(a)];
    }
    return out;
  }

  /**
   * The logits of the task's actions at the last step, recomputed by a full forward pass over the
   * whole context without the cache (the reference the cache must match, and the baseline of the
   * inference benchmark).
   */
  public float[] recomputeLast() {
    if (length == 0) {
      throw new IllegalStateException("empty context");
    }
    float[] symbolLogits;
    try (NDManager m = model.manager().newSubManager()) {
      NDList tokens = history.toNDList(m, 0, length);
      NDArray h = model.block().trunk(model.store(), tokens, false); // (1, L, D)
      symbolLogits = model.block().policyLogits(model.store(), h.get(0).get(length - 1), false)
          .toFloatArray();
    }
    return toTaskActions(symbolLogits);
  }

  /**
   * A copy of the tokens of the current context, exactly as the model sees them (after the
   * symbol permutation and any dropping of old episodes): for checking that a caller's steps
   * encode like training windows.
   */
  public StepTokens tokens() {
    StepTokens out = new StepTokens(1, length);
    for (int i = 0; i < length; i++) {
      out.copyToken(history, i, i);
    }
    return out;
  }

  /** Steps the context holds at most. */
  public int capacity() {
    return capacity;
  }

  /** Steps currently in the context. */
  public int length() {
    return length;
  }

  /** How many times old episodes were dropped. */
  public long drops() {
    return drops;
  }

  /** The permutation of the current run. */
  public SymbolPermutation permutation() {
    return perm;
  }

  /** Runs tokens [from, from + n) of the history through the cache; logits of the last one. */
  private float[] append(int from, int n) {
    // Grad mode is per thread in PyTorch and on by default: evaluation runs on pool threads.
    JniUtils.setGradMode(false);
    try (NDManager m = model.manager().newSubManager()) {
      NDList tokens = history.toNDList(m, from, n);
      NDArray h = model.block().trunkCached(model.store(), tokens, cache); // (1, n, D)
      NDArray last = h.get(0).get(n - 1); // (D)
      return model.block().policyLogits(model.store(), last, false).toFloatArray();
    }
  }

  /**
   * Drops steps so that at most {@code target} remain: whole episodes right after the pinned steps
   * when one fits, else (releasing the pin) the oldest whole episodes, else the oldest steps.
   */
  private void dropOldest(int target) {
    if (pinned > 0) {
      for (int i = pinned + 1; i < length; i++) {
        if (startsEpisode(history.flag[i]) && pinned + length - i <= target) {
          cut(pinned, i);
          return;
        }
      }
      pinned = 0; // the episode being played does not fit beside the pinned steps
    }
    int from = -1;
    for (int i = 1; i < length; i++) {
      if (startsEpisode(history.flag[i]) && length - i <= target) {
        from = i;
        break;
      }
    }
    if (from < 0) {
      from = length - target; // one episode longer than what is kept: drop its oldest steps
    }
    cut(0, from);
    markContextStart();
  }

  /**
   * Drops the complete episodes after the pinned steps with the lowest returns until at most {@code
   * target} steps remain; the episode being played (from the last episode start) is never dropped.
   * The first episode after the pinned steps may be partial (its start was dropped before).
   *
   * @return false, with nothing dropped, when dropping every complete episode would not be enough
   */
  private boolean dropLowestReturn(int target) {
    List<int[]> episodes = new ArrayList<>(); // {from, to} in context order
    int from = pinned;
    for (int i = pinned + 1; i < length; i++) {
      if (startsEpisode(history.flag[i])) {
        episodes.add(new int[] {from, i});
        from = i;
      }
    }
    int current = from;
    int excess = length - target;
    if (current - pinned < excess) {
      return false;
    }
    double[] returns = new double[episodes.size()];
    for (int e = 0; e < returns.length; e++) {
      for (int i = episodes.get(e)[0]; i < episodes.get(e)[1]; i++) {
        returns[e] += StepEncoding.rewardOfFeature(history.prevReward[i]);
      }
    }
    List<Integer> order = new ArrayList<>();
    for (int e = 0; e < returns.length; e++) {
      order.add(e);
    }
    order.sort(Comparator.<Integer>comparingDouble(e -> returns[e]).thenComparingInt(e -> e));
    boolean[] dropped = new boolean[returns.length];
    int removed = 0;
    for (int e : order) {
      if (removed >= excess) {
        break;
      }
      dropped[e] = true;
      removed += episodes.get(e)[1] - episodes.get(e)[0];
    }
    int to = pinned;
    for (int e = 0; e < returns.length; e++) {
      if (!dropped[e]) {
        to = moveSteps(episodes.get(e)[0], episodes.get(e)[1], to);
      }
    }
    boolean startChanged = pinned == 0 && dropped[0];
    length = moveSteps(current, length, to);
    invalidateCache();
    if (startChanged) {
      markContextStart();
    }
    return true;
  }

  /** Copies steps {@code [from, to)} to start at {@code dest <= from}; the index after them. */
  private int moveSteps(int from, int to, int dest) {
    for (int i = from; i < to; i++) {
      history.copyToken(history, i, dest++);
    }
    return dest;
  }

  /**
   * Makes step 0 a context start, as the first step of a training window: its episode's return so
   * far is counted again from it, up to the next episode start (the running return too, if the
   * context holds no other episode).
   */
  private void markContextStart() {
    history.prevAction[0] = cfg.actionVocab();
    history.prevState[0] = cfg.stateVocab();
    history.prevReward[0] = 0f;
    history.prevTag[0] = StepEncoding.NO_TAG;
    history.flag[0] = StepEncoding.FLAG_CONTEXT_START;
    double g = 0;
    int i = 0;
    for (; i < length && (i == 0 || !startsEpisode(history.flag[i])); i++) {
      g += StepEncoding.rewardOfFeature(history.prevReward[i]);
      history.returnSoFar[i] = StepEncoding.rewardFeature(g);
    }
    if (i == length) {
      episodeReturn = g;
    }
  }

  /** Removes steps {@code [from, to)}; the kept steps are re-encoded with the next step. */
  private void cut(int from, int to) {
    length = moveSteps(to, length, from);
    invalidateCache();
  }

  /** After steps were dropped: the kept ones are re-encoded with the next step. */
  private void invalidateCache() {
    cache.clear();
    cached = 0;
    drops++;
  }

  private static boolean startsEpisode(int flag) {
    return flag == StepEncoding.FLAG_AFTER_TERMINATED || flag == StepEncoding.FLAG_AFTER_TRUNCATED;
  }

  @Override
  public void close() {
    cache.close();
  }
}
