package io.icrl.cluster.job;

import io.icrl.cluster.serialization.ClusterMessage;
import java.util.List;

/**
 * What a finished unit reports back: how many steps (or items) and bytes it produced, the files it
 * wrote (relative to the job's output directory), and a digest of its content for verification.
 */
public record UnitResult(long steps, long bytes, List<String> files, String digest)
    implements ClusterMessage {
  public UnitResult {
    files = files == null ? List.of() : List.copyOf(files);
    digest = digest == null ? "" : digest;
  }
}
