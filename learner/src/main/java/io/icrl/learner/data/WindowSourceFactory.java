package io.icrl.learner.data;

import io.icrl.synth.format.WindowSource;
import java.nio.file.Path;

/**
 * Opens datasets stored in a directory (e.g. icrl's Arrow shards). Implementations register with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/io.icrl.learner.data.WindowSourceFactory})
 * and are found by {@link Datasets#open}. Readers report bad data (such as shards of another format
 * version) with an {@code InvalidInputException}.
 */
public interface WindowSourceFactory {
  /** A short name for messages, e.g. "icrl Arrow shards". */
  String name();

  /** True when {@code dir} looks like a dataset this factory reads. */
  boolean canOpen(Path dir);

  WindowSource open(Path dir);
}
