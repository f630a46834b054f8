package io.icrl.eval.agent;

import java.util.SplittableRandom;

/**
 * A random bijection of IDs {@code [0, n)}, with its inverse. The in-context agent draws a fresh one
 * for states and for actions at the start of every run, as training randomizes IDs, so a model
 * cannot rely on a task's particular numbering.
 */
public final class IdPermutation {
  private final int[] forward;
  private final int[] inverse;

  private IdPermutation(int[] forward) {
    this.forward = forward;
    this.inverse = new int[forward.length];
    for (int i = 0; i < forward.length; i++) {
      inverse[forward[i]] = i;
    }
  }

  /** A uniformly random permutation of {@code [0, n)} (Fisher-Yates). */
  public static IdPermutation random(int n, SplittableRandom rng) {
    int[] p = identityArray(n);
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return new IdPermutation(p);
  }

  /** The identity on {@code [0, n)}. */
  public static IdPermutation identity(int n) {
    return new IdPermutation(identityArray(n));
  }

  private static int[] identityArray(int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    return p;
  }

  public int size() {
    return forward.length;
  }

  /** The permuted ID of {@code id}; negative IDs (no action) stay as they are. */
  public int apply(int id) {
    return id < 0 ? id : forward[id];
  }

  /** The original ID of a permuted one. */
  public int invert(int permuted) {
    return permuted < 0 ? permuted : inverse[permuted];
  }
}
