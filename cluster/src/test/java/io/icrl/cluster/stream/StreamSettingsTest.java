package io.icrl.cluster.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icrl.core.InvalidInputException;
import io.icrl.core.StrictConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A chunk must fit one remoting frame, whatever size the frame is configured to. */
class StreamSettingsTest {
  @Test
  void theDefaultChunkFitsTheDefaultFrame() {
    assertEquals(1_000_000, StreamSettings.from(StrictConfig.defaults()).chunkBytes());
  }

  @Test
  void aChunkLargerThanTheFrameIsRefusedNamingBothSettings() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> StreamSettings.from(StrictConfig.load(null, List.of(
            "pekko.remote.artery.advanced.maximum-frame-size=256KiB",
            "icrl.cluster.stream.chunk-bytes=1000000"))));
    assertTrue(e.getMessage().contains("icrl.cluster.stream.chunk-bytes = 1000000")
        && e.getMessage().contains("maximum-frame-size = 262144")
        && e.getMessage().contains("1024..245760"), e.getMessage());
    assertEquals(245760, StreamSettings.from(StrictConfig.load(null, List.of(
        "pekko.remote.artery.advanced.maximum-frame-size=256KiB",
        "icrl.cluster.stream.chunk-bytes=245760"))).chunkBytes());
  }
}
