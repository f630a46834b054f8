package io.icrl.learner.data;

import io.icrl.core.InvalidInputException;
import io.icrl.synth.format.StepWindow;
import io.icrl.synth.format.TrainingTasks;
import io.icrl.synth.format.WindowSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Several datasets trained on as one: their sequences are concatenated in the given order
 * (sequence {@code i} of the second source is sequence {@code count(first) + i} here), so a
 * sampler that draws sequences in proportion to their length mixes the sources in proportion to
 * their rows. Used to train on a synthesized dataset together with data the model played itself.
 *
 * <p>The identity is the parts' identities joined by {@code +}, in order. The sources must agree
 * on which generated tasks they ran on (the held-out check of an evaluation relies on it);
 * closing this source closes every part.
 */
public final class ConcatWindowSource implements WindowSource {
  private final List<WindowSource> parts;
  private final int[] firstSequence;
  private final String id;
  private final Optional<TrainingTasks> tasks;

  private ConcatWindowSource(List<WindowSource> parts, Optional<TrainingTasks> tasks) {
    this.parts = List.copyOf(parts);
    this.firstSequence = new int[parts.size() + 1];
    for (int p = 0; p < parts.size(); p++) {
      firstSequence[p + 1] = Math.addExact(firstSequence[p], parts.get(p).sequenceCount());
    }
    this.id = parts.stream().map(WindowSource::datasetId).collect(Collectors.joining("+"));
    this.tasks = tasks;
  }

  /**
   * The concatenation of {@code parts} (at least two). Fails, naming both, when two parts were
   * generated on different tasks.
   */
  public static ConcatWindowSource of(List<WindowSource> parts) {
    if (parts.size() < 2) {
      throw new IllegalArgumentException("a concatenation needs at least two datasets");
    }
    Optional<TrainingTasks> first = parts.get(0).trainingTasks();
    for (WindowSource p : parts.subList(1, parts.size())) {
      if (!Objects.equals(first, p.trainingTasks())) {
        throw new InvalidInputException("datasets " + parts.get(0).datasetId() + " and "
            + p.datasetId() + " ran on different tasks (" + describe(first) + " vs "
            + describe(p.trainingTasks()) + "); train on them separately");
      }
    }
    return new ConcatWindowSource(parts, first);
  }

  private static String describe(Optional<TrainingTasks> t) {
    return t.map(x -> x.family() + ":states=" + x.states() + ",actions=" + x.actions()
        + " seeds [" + x.seedStart() + ", " + x.seedEnd() + ")").orElse("not recorded");
  }

  /** The parts, in order. */
  public List<WindowSource> parts() {
    return parts;
  }

  @Override
  public String datasetId() {
    return id;
  }

  @Override
  public int sequenceCount() {
    return firstSequence[parts.size()];
  }

  @Override
  public long sequenceLength(int seq) {
    int p = part(seq);
    return parts.get(p).sequenceLength(seq - firstSequence[p]);
  }

  @Override
  public int maxStates() {
    return parts.stream().mapToInt(WindowSource::maxStates).max().orElseThrow();
  }

  @Override
  public int maxActions() {
    return parts.stream().mapToInt(WindowSource::maxActions).max().orElseThrow();
  }

  @Override
  public void read(int seq, long start, int length, StepWindow out) {
    int p = part(seq);
    parts.get(p).read(seq - firstSequence[p], start, length, out);
    out.sequence = seq;
  }

  @Override
  public Optional<TrainingTasks> trainingTasks() {
    return tasks;
  }

  @Override
  public void close() {
    List<RuntimeException> errors = new ArrayList<>();
    for (WindowSource p : parts) {
      try {
        p.close();
      } catch (Exception e) {
        errors.add(e instanceof RuntimeException re ? re : new IllegalStateException(e));
      }
    }
    if (!errors.isEmpty()) {
      RuntimeException e = errors.get(0);
      errors.subList(1, errors.size()).forEach(e::addSuppressed);
      throw e;
    }
  }

  private int part(int seq) {
    if (seq < 0 || seq >= sequenceCount()) {
      throw new IndexOutOfBoundsException("sequence " + seq + " of " + sequenceCount());
    }
    int p = 0;
    while (seq >= firstSequence[p + 1]) {
      p++;
    }
    return p;
  }
}
