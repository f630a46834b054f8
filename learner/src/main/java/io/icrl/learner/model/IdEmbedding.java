package io.icrl.learner.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.SplittableRandom;

/** A lookup table of {@code vocab} learned vectors of width {@code d}: ids (...) -> (..., d). */
public final class IdEmbedding extends SeededBlock {
  private final int vocab;
  private final int d;
  private final Parameter table;

  public IdEmbedding(int vocab, int d) {
    this.vocab = vocab;
    this.d = d;
    this.table = param("table", Parameter.Type.WEIGHT, new Shape(vocab, d));
  }

  /** Looks up integer {@code ids} of any shape. */
  public NDArray apply(ParameterStore ps, NDArray ids, boolean training) {
    return Embedding.embedding(ids, ps.getValue(table, ids.getDevice(), training),
        SparseFormat.DENSE).singletonOrThrow();
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
      PairList<String, Object> params) {
    return new NDList(apply(ps, inputs.singletonOrThrow(), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0].add(d)};
  }

  @Override
  protected void fillOwn(SplittableRandom rng) {
    normal(table, 0.02, rng);
  }

  public int vocab() {
    return vocab;
  }
}
