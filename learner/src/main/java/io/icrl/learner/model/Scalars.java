package io.icrl.learner.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Scalar operands for arithmetic that autograd records.
 *
 * <p>DJL's {@code NDArray.mul(Number)} (and {@code div}, {@code add}, ... with a number) wraps the
 * number in a 0-d array whose memory is a Java direct buffer handed to PyTorch without a copy
 * ({@code from_blob}), and closes that array as soon as the operation returns. Autograd keeps the
 * operand for the backward pass ({@code d(x * s)/dx = s}), but nothing on the Java side keeps the
 * buffer alive: after a garbage collection its memory is freed and reused, and backward then reads
 * whatever was written there. That produced the rare corrupted gradients of every training run up
 * to the ninth session (docs/learner.md). A scalar made here is allocated by PyTorch itself
 * ({@code full}), so autograd's reference keeps it alive.
 */
public final class Scalars {
  private Scalars() {}

  /** {@code value} as a 0-d array of {@code x}'s type, device and manager, owned by PyTorch. */
  public static NDArray like(NDArray x, float value) {
    return x.getManager().full(new Shape(), value, x.getDataType());
  }
}
