package io.icrl.learner.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import io.icrl.core.Gaussian;
import java.util.SplittableRandom;

/**
 * A block whose parameters have fixed shapes known at construction and whose initial values come
 * from a seeded {@link SplittableRandom} (not the engine's global RNG), so a model built from the
 * same seed is bit-identical on every machine. Composite blocks initialize their children in the
 * order they were added.
 */
public abstract class SeededBlock extends AbstractBlock {
  protected SeededBlock() {
    super((byte) 1);
  }

  /** A parameter of a fixed shape, created zero and filled later by {@link #fill}. */
  protected final Parameter param(String name, Parameter.Type type, Shape shape) {
    return addParameter(Parameter.builder().setName(name).setType(type).optShape(shape)
        .optInitializer(Initializer.ZEROS).build());
  }

  /** Writes initial values into this block's own parameters and then its children's. */
  public void fill(SplittableRandom rng) {
    fillOwn(rng);
    for (Block child : getChildren().values()) {
      ((SeededBlock) child).fill(rng);
    }
  }

  /** Writes initial values into this block's direct parameters. */
  protected void fillOwn(SplittableRandom rng) {}

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    for (Block child : getChildren().values()) {
      child.initialize(manager, dataType, inputShapes);
    }
  }

  /** Fills {@code p} with N(0, std^2) draws. */
  protected static void normal(Parameter p, double std, SplittableRandom rng) {
    NDArray a = p.getArray();
    float[] v = new float[Math.toIntExact(a.size())];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (std * Gaussian.next(rng));
    }
    a.set(v);
  }

  /** Fills {@code p} with a constant. */
  protected static void constant(Parameter p, float value) {
    NDArray a = p.getArray();
    float[] v = new float[Math.toIntExact(a.size())];
    java.util.Arrays.fill(v, value);
    a.set(v);
  }

  /** {@code w} in the data type of {@code like}, attached to {@code like}'s manager if cast. */
  protected static NDArray castLike(NDArray w, NDArray like) {
    if (w.getDataType() == like.getDataType()) {
      return w;
    }
    NDArray c = w.toType(like.getDataType(), false);
    c.attach(like.getManager());
    return c;
  }
}
