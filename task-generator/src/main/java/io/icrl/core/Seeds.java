package io.icrl.core;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Derivation of independent sub-seeds from one root seed. A sub-seed is a pure function of
 * (root, stream name, index), so any worker can derive the seed of task 12345 without replaying
 * the seeds before it, and two streams (say "task" and "behavior") never share a seed.
 *
 * <p>Mixing is SplitMix64's finalizer, which is fully specified, so results are identical on every
 * JVM, machine and thread count. There is no global RNG anywhere in icrl: every random draw comes
 * from a {@link SplittableRandom} seeded through this class.
 */
public final class Seeds {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private Seeds() {}

  /** SplitMix64 finalizer: a bijective 64-bit mix. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A stable 64-bit hash of a stream name (FNV-1a over UTF-8, then mixed). */
  public static long hash(String stream) {
    long h = 0xcbf29ce484222325L;
    for (byte b : stream.getBytes(StandardCharsets.UTF_8)) {
      h ^= (b & 0xff);
      h *= 0x100000001b3L;
    }
    return mix(h);
  }

  /** The sub-seed number {@code index} of the named stream under {@code root}. */
  public static long derive(long root, String stream, long index) {
    return mix(mix(root ^ hash(stream)) + GOLDEN * (index + 1));
  }

  /** A generator for the sub-seed number {@code index} of the named stream under {@code root}. */
  public static SplittableRandom rng(long root, String stream, long index) {
    return new SplittableRandom(derive(root, stream, index));
  }
}
