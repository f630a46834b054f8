package io.icrl.learner.data;

import io.icrl.core.InvalidInputException;
import io.icrl.synth.format.StepWindow;
import io.icrl.synth.format.WindowSource;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link WindowSource} over sequences held in memory (columns of primitives, the row semantics
 * of {@link StepWindow}). For tests, development runs and benchmarks; real datasets are Arrow
 * shards.
 */
public final class InMemoryWindowSource implements WindowSource {
  private final String id;
  private final List<Sequence> sequences;
  private final int maxStates;
  private final int maxActions;

  /** One sequence: its task's sizes and its rows. */
  public record Sequence(int states, int actions, int[] state, int[] action, int[] label,
      byte[] prompt, byte[] tag, float[] reward, boolean[] terminated, boolean[] truncated,
      int[] episode, int[] episodeStep) {
    public int length() {
      return state.length;
    }
  }

  public InMemoryWindowSource(String id, List<Sequence> sequences) {
    this.id = id;
    this.sequences = List.copyOf(sequences);
    int s = 0;
    int a = 0;
    for (Sequence q : sequences) {
      s = Math.max(s, q.states());
      a = Math.max(a, q.actions());
    }
    this.maxStates = s;
    this.maxActions = a;
  }

  @Override
  public String datasetId() {
    return id;
  }

  @Override
  public int sequenceCount() {
    return sequences.size();
  }

  @Override
  public long sequenceLength(int seq) {
    return sequences.get(seq).length();
  }

  @Override
  public int maxStates() {
    return maxStates;
  }

  @Override
  public int maxActions() {
    return maxActions;
  }

  /** The sequence itself (shared arrays: do not modify). */
  public Sequence sequence(int seq) {
    return sequences.get(seq);
  }

  @Override
  public void read(int seq, long start, int length, StepWindow out) {
    Sequence q = sequences.get(seq);
    if (start < 0 || length < 0 || start + length > q.length() || length > out.capacity()) {
      throw new InvalidInputException("window [" + start + ", " + (start + length) + ") of sequence "
          + seq + " (length " + q.length() + ", buffer " + out.capacity() + ") is out of range");
    }
    int s = (int) start;
    System.arraycopy(q.state, s, out.state, 0, length);
    System.arraycopy(q.action, s, out.action, 0, length);
    System.arraycopy(q.label, s, out.label, 0, length);
    System.arraycopy(q.prompt, s, out.prompt, 0, length);
    System.arraycopy(q.tag, s, out.tag, 0, length);
    System.arraycopy(q.reward, s, out.reward, 0, length);
    System.arraycopy(q.terminated, s, out.terminated, 0, length);
    System.arraycopy(q.truncated, s, out.truncated, 0, length);
    System.arraycopy(q.episode, s, out.episode, 0, length);
    System.arraycopy(q.episodeStep, s, out.episodeStep, 0, length);
    out.length = length;
    out.states = q.states();
    out.actions = q.actions();
    out.sequence = seq;
    out.start = start;
  }

  /** Collects sequences. */
  public static final class Builder {
    private final List<Sequence> sequences = new ArrayList<>();

    public Builder add(Sequence s) {
      sequences.add(s);
      return this;
    }

    public InMemoryWindowSource build(String id) {
      return new InMemoryWindowSource(id, sequences);
    }
  }
}
