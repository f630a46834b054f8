package io.icrl.eval.agent;

import io.icrl.synth.format.Tag;
import java.util.SplittableRandom;

/**
 * The incremental inference contract the in-context agent drives: a causal sequence model fed one
 * row at a time, in exactly the row semantics of training data ({@link
 * io.icrl.synth.format.StepWindow}, docs/data-format.md): a row is an observation with its prompt and
 * tag, the action taken there and the reward that followed; an episode's last row is a boundary row
 * with the final observation, {@code action = -1}, {@code reward = 0}, prompt and tag {@link
 * Tag#UNK} and exactly one of the terminated/truncated flags set. Action rows carry {@code
 * terminated = truncated = false}.
 *
 * <p>How rows become tokens (previous action and reward, positional encodings) and what happens
 * when the context is full (sliding window, segment recurrence) is the learner's policy,
 * implemented behind this interface. The KV cache persists across episodes until {@link #reset}.
 *
 * <p>IDs given here are task IDs (already permuted by the agent): states in {@code [0, states)}
 * and actions in {@code [0, actions)} of the task given to {@link #reset}, which must not exceed
 * {@link #maxStates()} and {@link #maxActions()}. A model may map them further (the learner's
 * model draws a random injection into its symbol vocabularies per run). An instance is used by one
 * thread at a time.
 */
public interface RowModel extends AutoCloseable {
  /** Size of the model's state vocabulary. */
  int maxStates();

  /** Size of the model's action vocabulary (the length of the logits). */
  int maxActions();

  /**
   * Forgets every row (empties the KV cache) to start a new run on a task with {@code states}
   * states and {@code actions} actions; {@code rng} is the run's own random stream (for a model's
   * per-run randomness, such as a symbol permutation).
   */
  void reset(int states, int actions, SplittableRandom rng);

  /**
   * Starts a row and returns the logits of its action: entry {@code a} for action {@code a} of the
   * task, at least {@code actions} entries (the array may be reused by the next call).
   */
  float[] beginRow(int state, Tag prompt, Tag tag);

  /** Completes the row started by {@link #beginRow} with the action taken and its outcome. */
  void endRow(int action, float reward, boolean terminated, boolean truncated);

  /**
   * Appends a complete row whose action is already known (context data, boundary rows). The
   * default starts and ends a row; models may skip computing logits.
   */
  default void appendRow(int state, Tag prompt, Tag tag, int action, float reward,
      boolean terminated, boolean truncated) {
    beginRow(state, prompt, tag);
    endRow(action, reward, terminated, truncated);
  }

  /**
   * Keeps the rows fed so far (a mode's context data) at the start of the context: when it is
   * full, the model drops its oldest rows after them instead. At most the share {@code fraction}
   * of the context's capacity is pinned (the oldest whole episodes of those rows are dropped to
   * fit). A model without a bounded context keeps every row anyway.
   *
   * @return the number of rows pinned
   */
  int pinContext(double fraction);

  /**
   * Chooses which rows a full context drops after the pinned ones, for the run begun by the last
   * {@link #reset}: with {@code on}, whole complete episodes of the lowest return (the sum of their
   * rewards) first, the episode being played never; otherwise the oldest rows. A model without a
   * bounded context keeps every row anyway.
   */
  void dropLowestReturnFirst(boolean on);

  /** Number of rows currently held in context (after the learner's overflow policy). */
  int rowsInContext();

  @Override
  void close();
}
