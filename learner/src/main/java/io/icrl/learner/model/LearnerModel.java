package io.icrl.learner.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.icrl.core.InvalidInputException;
import io.icrl.core.Seeds;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link CausalTransformer} with its parameters, the manager that owns them and its device.
 * Parameters are created from a seed through {@link Seeds} (never the engine's RNG).
 */
public final class LearnerModel implements AutoCloseable {
  private final ModelConfig config;
  private final Device device;
  private final NDManager manager;
  private final CausalTransformer block;
  private final ParameterStore store;

  private LearnerModel(ModelConfig config, Device device, DataType computeType) {
    this.config = config;
    this.device = device;
    this.manager = NDManager.newBaseManager(device);
    this.block = new CausalTransformer(config);
    block.setComputeType(computeType);
    block.initialize(manager, DataType.FLOAT32, new Shape(1, 1));
    this.store = new ParameterStore(manager, false);
  }

  /** A freshly initialized model; the same seed gives the same parameters everywhere. */
  public static LearnerModel create(ModelConfig config, long seed, Device device,
      DataType computeType) {
    LearnerModel m = new LearnerModel(config, device, computeType);
    m.block.fill(Seeds.rng(seed, "model-init", 0));
    return m;
  }

  /** A model with the parameters in {@code file} (written by {@link #saveParameters}). */
  public static LearnerModel load(ModelConfig config, Path file, Device device,
      DataType computeType) throws IOException {
    LearnerModel m = new LearnerModel(config, device, computeType);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      m.loadParameters(in, file.toString());
    } catch (RuntimeException | IOException e) {
      m.close();
      throw e;
    }
    return m;
  }

  public ModelConfig config() {
    return config;
  }

  public Device device() {
    return device;
  }

  public CausalTransformer block() {
    return block;
  }

  public ParameterStore store() {
    return store;
  }

  public NDManager manager() {
    return manager;
  }

  /** The parameters in a fixed order (the optimizer's and the checkpoint's order). */
  public List<Parameter> parameters() {
    List<Parameter> out = new ArrayList<>();
    for (Pair<String, Parameter> p : block.getParameters()) {
      out.add(p.getValue());
    }
    return out;
  }

  /** The parameters' names in {@link #parameters()} order. */
  public List<String> parameterNames() {
    return block.getParameters().keys();
  }

  public long parameterCount() {
    long n = 0;
    for (Parameter p : parameters()) {
      n += p.getArray().size();
    }
    return n;
  }

  /** Writes every parameter (DJL's block format) to {@code out}. */
  public void saveParameters(OutputStream out) throws IOException {
    DataOutputStream data = new DataOutputStream(out);
    block.saveParameters(data);
    data.flush();
  }

  /** Reads parameters written by {@link #saveParameters}, checking every shape. */
  public void loadParameters(InputStream in, String where) throws IOException {
    List<Shape> expected = new ArrayList<>();
    for (Parameter p : parameters()) {
      expected.add(p.getArray().getShape());
    }
    try {
      block.loadParameters(manager, new DataInputStream(in));
    } catch (MalformedModelException | IllegalArgumentException | IllegalStateException e) {
      throw new InvalidInputException(where + ": parameters do not fit this model ("
          + e.getMessage() + ")", e);
    }
    List<Parameter> ps = parameters();
    List<String> names = parameterNames();
    for (int i = 0; i < ps.size(); i++) {
      Shape got = ps.get(i).getArray().getShape();
      if (!got.equals(expected.get(i))) {
        throw new InvalidInputException(where + ": parameter " + names.get(i) + " has shape " + got
            + " but the model expects " + expected.get(i));
      }
    }
  }

  @Override
  public void close() {
    manager.close();
  }
}
