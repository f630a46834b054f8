package io.icrl.learner.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import io.icrl.core.InvalidInputException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * AdamW (decoupled weight decay) with global gradient-norm clipping, written over the parameter
 * NDArrays so that its whole state (moments and step count) can be saved and restored exactly.
 * Weight decay applies to matrices and embedding tables (rank >= 2), not to biases and norms.
 */
public final class AdamW implements AutoCloseable {
  private static final int MAGIC = 0x41444d57; // "ADMW"
  private static final int VERSION = 1;
  private final List<Parameter> params;
  private final List<String> names;
  private final NDManager manager;
  private final NDArray[] m;
  private final NDArray[] v;
  private final double beta1;
  private final double beta2;
  private final double eps;
  private final double weightDecay;
  private long t;
  private List<String> lastNonFinite = List.of();

  public AdamW(List<Parameter> params, List<String> names, NDManager parent, double beta1,
      double beta2, double eps, double weightDecay) {
    this.params = params;
    this.names = names;
    this.manager = parent.newSubManager();
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.weightDecay = weightDecay;
    this.m = new NDArray[params.size()];
    this.v = new NDArray[params.size()];
    for (int i = 0; i < params.size(); i++) {
      NDArray p = params.get(i).getArray();
      m[i] = manager.zeros(p.getShape(), p.getDataType());
      v[i] = manager.zeros(p.getShape(), p.getDataType());
    }
  }

  /** Updates taken so far. */
  public long steps() {
    return t;
  }

  /**
   * Applies one update from the parameters' gradients (then zeroes them). Temporaries live in
   * {@code scratch}. When the gradient norm is not finite nothing is updated (parameters, moments
   * and step count stay as they were) and the non-finite norm is returned.
   *
   * @param clip global norm to clip gradients to; 0 disables clipping
   * @return the global gradient norm before clipping
   */
  public double step(double lr, double clip, NDManager scratch) {
    return step(lr, clip, Double.POSITIVE_INFINITY, scratch);
  }

  /**
   * {@link #step(double, double, NDManager)} that also treats a finite norm above {@code suspect}
   * as bad: nothing is updated and the gradients are cleared, ready to be computed again.
   */
  public double step(double lr, double clip, double suspect, NDManager scratch) {
    NDArray[] grads = gradients(scratch);
    double norm = norm(grads);
    if (Double.isFinite(norm) && norm > suspect) {
      lastNonFinite = List.of();
      zero(grads);
      return norm;
    }
    if (!Double.isFinite(norm)) {
      // a non-finite gradient would poison the moments and the weights: drop it, skip the step
      lastNonFinite = nonFinite(grads);
      zero(grads);
      return norm;
    }
    lastNonFinite = List.of();
    float scale = clip > 0 && norm > clip ? (float) (clip / (norm + 1e-6)) : 1f;
    t++;
    double bc1 = 1 - Math.pow(beta1, t);
    double bc2 = 1 - Math.pow(beta2, t);
    for (int i = 0; i < grads.length; i++) {
      NDArray p = params.get(i).getArray();
      NDArray g = scale == 1f ? grads[i] : grads[i].mul(scale);
      m[i].muli((float) beta1).addi(g.mul((float) (1 - beta1)));
      v[i].muli((float) beta2).addi(g.square().muli((float) (1 - beta2)));
      NDArray denom = local(v[i].div((float) bc2), scratch).sqrt().add((float) eps);
      NDArray update = local(m[i].div(denom), scratch).muli((float) (lr / bc1));
      if (weightDecay > 0 && p.getShape().dimension() >= 2) {
        p.muli((float) (1 - lr * weightDecay));
      }
      p.subi(update);
    }
    zero(grads);
    return norm;
  }

  private NDArray[] gradients(NDManager scratch) {
    NDArray[] grads = new NDArray[params.size()];
    for (int i = 0; i < grads.length; i++) {
      grads[i] = local(params.get(i).getArray().getGradient(), scratch);
    }
    return grads;
  }

  private static double norm(NDArray[] grads) {
    NDArray sq = null;
    for (NDArray g : grads) {
      NDArray s = g.square().sum();
      sq = sq == null ? s : sq.add(s);
    }
    return Math.sqrt(sq.getFloat());
  }

  /**
   * The parameters whose gradient held an Inf or NaN at the last {@link #step}, if it was skipped
   * for a non-finite norm (empty when the norm overflowed with finite entries, after a normal step,
   * or after {@link #zeroGradients}): the clue to where a non-finite gradient comes from.
   */
  public List<String> lastNonFiniteGradients() {
    return lastNonFinite;
  }

  private List<String> nonFinite(NDArray[] grads) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < grads.length; i++) {
      String d = describeNonFinite(names.get(i), grads[i].toFloatArray());
      if (d != null) {
        out.add(d);
      }
    }
    return List.copyOf(out);
  }

  /**
   * "name (bad of n)", with the flat index range of the non-finite entries when only some are
   * (e.g. which of q, k, v in a fused qkv projection), or null when every entry is finite.
   */
  static String describeNonFinite(String name, float[] g) {
    int bad = 0;
    int first = -1;
    int last = -1;
    for (int j = 0; j < g.length; j++) {
      if (!Float.isFinite(g[j])) {
        bad++;
        if (first < 0) {
          first = j;
        }
        last = j;
      }
    }
    if (bad == 0) {
      return null;
    }
    String range = bad == g.length ? "" : ", entries " + first + ".." + last;
    return name + " (" + bad + " of " + g.length + range + ")";
  }

  /** Sets every parameter's accumulated gradient to zero (assignment, so NaN and Inf go too). */
  public void zeroGradients(NDManager scratch) {
    lastNonFinite = List.of();
    zero(gradients(scratch));
  }

  private static void zero(NDArray[] grads) {
    for (NDArray g : grads) {
      g.set(new ai.djl.ndarray.index.NDIndex("..."), 0f);
    }
  }

  private static NDArray local(NDArray a, NDManager to) {
    a.attach(to);
    return a;
  }

  /** Writes the step count and both moments of every parameter. */
  public void save(DataOutputStream out) throws IOException {
    out.writeInt(MAGIC);
    out.writeInt(VERSION);
    out.writeLong(t);
    out.writeInt(params.size());
    for (int i = 0; i < params.size(); i++) {
      out.writeUTF(names.get(i));
      writeArray(out, m[i]);
      writeArray(out, v[i]);
    }
    out.flush();
  }

  /** Restores state written by {@link #save}, checking it belongs to the same parameters. */
  public void load(DataInputStream in, String where) throws IOException {
    if (in.readInt() != MAGIC) {
      throw new InvalidInputException(where + ": not an icrl optimizer state file");
    }
    int version = in.readInt();
    if (version != VERSION) {
      throw new InvalidInputException(where + ": optimizer state version " + version
          + " is not supported (this build reads version " + VERSION + ")");
    }
    long steps = in.readLong();
    int count = in.readInt();
    if (count != params.size()) {
      throw new InvalidInputException(where + ": optimizer state has " + count
          + " parameters, the model has " + params.size());
    }
    for (int i = 0; i < count; i++) {
      String name = in.readUTF();
      if (!name.equals(names.get(i))) {
        throw new InvalidInputException(where + ": optimizer state parameter " + i + " is " + name
            + ", the model's is " + names.get(i));
      }
      readInto(in, m[i], where, name);
      readInto(in, v[i], where, name);
    }
    t = steps;
  }

  private static void writeArray(DataOutputStream out, NDArray a) throws IOException {
    byte[] bytes = a.encode();
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private void readInto(DataInputStream in, NDArray target, String where, String name)
      throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    try (NDManager tmp = manager.newSubManager()) {
      NDArray a = NDArray.decode(tmp, bytes);
      if (!a.getShape().equals(target.getShape())) {
        throw new InvalidInputException(where + ": optimizer moment of " + name + " has shape "
            + a.getShape() + ", the parameter has " + target.getShape());
      }
      target.set(a.toFloatArray());
    }
  }

  @Override
  public void close() {
    manager.close();
  }
}
