package io.icrl.synth.format;

import java.util.Optional;

/**
 * Random access to windows of consecutive steps of the sequences of a dataset: what the learner
 * trains from. Implementations must not allocate per row; {@link #read} fills a reusable {@link
 * StepWindow}. Implementations are safe for concurrent reads unless documented otherwise.
 */
public interface WindowSource extends AutoCloseable {
  /** A stable identity of the dataset (e.g. its manifest's checksum), recorded in checkpoints. */
  String datasetId();

  int sequenceCount();

  /** Number of rows of sequence {@code seq}. */
  long sequenceLength(int seq);

  /** Largest number of states / actions over the dataset's tasks. */
  int maxStates();

  int maxActions();

  /**
   * Reads rows {@code [start, start + length)} of sequence {@code seq} into {@code out} (setting
   * {@code out.length}, {@code out.states}, {@code out.actions}, {@code out.sequence}, {@code
   * out.start}).
   */
  void read(int seq, long start, int length, StepWindow out);

  /**
   * The generated tasks the sequences ran on, when they come from a registered task generator
   * (Arrow datasets written by {@code icrl synth}); empty for data of other origin.
   */
  default Optional<TrainingTasks> trainingTasks() {
    return Optional.empty();
  }

  @Override
  default void close() {}
}
