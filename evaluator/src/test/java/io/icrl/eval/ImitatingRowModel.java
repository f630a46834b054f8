package io.icrl.eval;

import io.icrl.eval.agent.RowModel;
import io.icrl.synth.format.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A stand-in for a trained checkpoint in tests: an in-context imitator. Its logits at a state favour
 * the action most often seen at that state in context rows whose tag is not UNK (demonstrations),
 * so it reaches the demonstrator's score in imitation mode if and only if rows, IDs and boundaries
 * reach it consistently. It records every row it is fed.
 */
public final class ImitatingRowModel implements RowModel {
  /** One row as the model saw it. */
  public record Row(int state, Tag prompt, Tag tag, int action, float reward, boolean terminated,
      boolean truncated) {}

  private final int maxStates;
  private final int maxActions;
  private final List<Row> rows = new ArrayList<>();
  private final List<Integer> pinnedRows = new ArrayList<>();
  private final float[] logits;
  private int[][] counts;
  private int openState = -1;
  private Tag openPrompt;
  private Tag openTag;
  private int resets;
  private boolean closed;
  private boolean lowestReturnFirst;

  public ImitatingRowModel(int maxStates, int maxActions) {
    this.maxStates = maxStates;
    this.maxActions = maxActions;
    this.logits = new float[maxActions];
    this.counts = new int[maxStates][maxActions];
  }

  @Override
  public int maxStates() {
    return maxStates;
  }

  @Override
  public int maxActions() {
    return maxActions;
  }

  @Override
  public void reset(int states, int actions, SplittableRandom rng) {
    rows.clear();
    pinnedRows.clear();
    counts = new int[maxStates][maxActions];
    openState = -1;
    resets++;
  }

  @Override
  public float[] beginRow(int state, Tag prompt, Tag tag) {
    if (openState >= 0) {
      throw new IllegalStateException("row started twice");
    }
    if (state < 0 || state >= maxStates) {
      throw new IllegalArgumentException("state id " + state);
    }
    openState = state;
    openPrompt = prompt;
    openTag = tag;
    Arrays.fill(logits, 0f);
    int best = -1;
    for (int a = 0; a < maxActions; a++) {
      if (counts[state][a] > 0 && (best < 0 || counts[state][a] > counts[state][best])) {
        best = a;
      }
    }
    if (best >= 0) {
      logits[best] = 20f;
    }
    return logits;
  }

  @Override
  public void endRow(int action, float reward, boolean terminated, boolean truncated) {
    if (openState < 0) {
      throw new IllegalStateException("row ended before it began");
    }
    if (action >= maxActions) {
      throw new IllegalArgumentException("action id " + action);
    }
    rows.add(new Row(openState, openPrompt, openTag, action, reward, terminated, truncated));
    if (action >= 0 && openTag != Tag.UNK) {
      counts[openState][action]++;
    }
    openState = -1;
  }

  /** Keeps every row anyway; records how many rows were fed when the agent pinned them. */
  @Override
  public int pinContext(double fraction) {
    pinnedRows.add(rows.size());
    return rows.size();
  }

  /** Keeps every row anyway; records the choice. */
  @Override
  public void dropLowestReturnFirst(boolean on) {
    lowestReturnFirst = on;
  }

  /** What the agent chose for the current run ({@link #dropLowestReturnFirst}). */
  public boolean dropsLowestReturnFirst() {
    return lowestReturnFirst;
  }

  /** Rows fed at each pin of the current run. */
  public List<Integer> pinnedRows() {
    return pinnedRows;
  }

  @Override
  public int rowsInContext() {
    return rows.size();
  }

  @Override
  public void close() {
    closed = true;
  }

  public List<Row> rows() {
    return rows;
  }

  public int resets() {
    return resets;
  }

  public boolean closed() {
    return closed;
  }
}
