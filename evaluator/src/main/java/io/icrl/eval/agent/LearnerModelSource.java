package io.icrl.eval.agent;

import io.icrl.eval.task.TrainingTaskRange;
import io.icrl.learner.infer.IncrementalPolicy;
import io.icrl.learner.infer.InferSettings;
import io.icrl.learner.model.LearnerModel;
import io.icrl.learner.model.ModelConfig;
import io.icrl.learner.model.StepEncoding;
import io.icrl.learner.model.SymbolPermutation;
import java.util.Optional;

/**
 * In-context models over one set of frozen weights: every {@link #open} gives a {@link
 * CheckpointRowModel} with its own KV cache ({@link IncrementalPolicy}), and all of them read the
 * same parameters, so parallel sweep cells share one copy of the model.
 *
 * <p>Thread safety: a forward pass only reads the parameters (they require no gradient, so no
 * autograd state is built), each step's temporaries live in a sub-manager of the model's manager
 * (registration is a concurrent map), and each policy's cache has its own manager. The one
 * lazily built shared structure, the parameter store's per-parameter entry, is filled by a
 * warm-up step in the constructor, before any cell runs.
 */
public final class LearnerModelSource implements RowModelSource {
  private final LearnerModel model;
  private final InferSettings infer;
  private final String description;
  private final Optional<TrainingTaskRange> training;

  /**
   * A source over {@code model}, which it owns and closes.
   *
   * @param infer context size and overflow policy of each opened model
   * @param description what the model is, for reports and sweep fingerprints
   * @param training the generated tasks the model was trained on, if any
   */
  public LearnerModelSource(LearnerModel model, InferSettings infer, String description,
      Optional<TrainingTaskRange> training) {
    this.model = model;
    this.infer = infer;
    this.description = description;
    this.training = training;
    warmUp();
  }

  private void warmUp() {
    ModelConfig cfg = model.config();
    try (IncrementalPolicy p = new IncrementalPolicy(model, new InferSettings(2, 0.5))) {
      p.reset(SymbolPermutation.identity(1, 1, cfg.stateVocab(), cfg.actionVocab()));
      p.step(0, 0, -1, 0f, -1, StepEncoding.FLAG_CONTEXT_START);
    }
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public Optional<TrainingTaskRange> trainingRange() {
    return training;
  }

  /** The model's shape. */
  public ModelConfig config() {
    return model.config();
  }

  @Override
  public CheckpointRowModel open() {
    return open(infer);
  }

  /** Opens a model whose context follows {@code settings} instead of the source's. */
  public CheckpointRowModel open(InferSettings settings) {
    return new CheckpointRowModel(new IncrementalPolicy(model, settings), model.config());
  }

  @Override
  public void close() {
    model.close();
  }
}
