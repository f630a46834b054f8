package io.icrl.cluster.serialization;

import java.nio.charset.StandardCharsets;

/**
 * Stable Kryo registration ids derived from class names (FNV-1a), so two nodes agree on the id of
 * a class even when their allow-lists differ in order or content. Ids below {@link #FIRST_ID} are
 * left to Kryo's built-in registrations (primitives and String).
 */
final class ClassIds {
  /** Kryo registers its primitive types and String with ids 0..9. */
  static final int FIRST_ID = 32;

  private ClassIds() {}

  /** The registration id of the class named {@code className}. */
  static int of(String className) {
    int h = 0x811c9dc5;
    for (byte b : className.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x01000193;
    }
    return FIRST_ID + ((h >>> 4) & 0x0fffffff);
  }
}
