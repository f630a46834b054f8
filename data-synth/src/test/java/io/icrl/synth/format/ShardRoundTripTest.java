package io.icrl.synth.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.icrl.core.InvalidInputException;
import io.icrl.synth.SynthMetadata;
import io.icrl.synth.SynthSettings;
import io.icrl.synth.TestSettings;
import io.icrl.synth.bench.SparseRandomMdps;
import io.icrl.synth.rollout.SequenceColumns;
import io.icrl.synth.rollout.SequenceSynthesizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardRoundTripTest {
  @TempDir
  Path dir;

  private static List<SequenceColumns> sequences(SynthSettings s, int n) {
    SequenceSynthesizer synth = new SequenceSynthesizer(s, SparseRandomMdps.registry());
    return java.util.stream.IntStream.range(0, n).mapToObj(synth::synthesize).toList();
  }

  @Test
  void writtenColumnsReadBackExactlyInAnyWindow() throws Exception {
    SynthSettings s = TestSettings.of("icrl.synth.steps=1500");
    List<SequenceColumns> seqs = sequences(s, 3);
    Path file = dir.resolve(ShardEntry.fileName(0));
    ShardEntry entry = ShardWriter.write(file, 0, seqs, SynthMetadata.schemaMetadata(s));
    assertEquals(4500, entry.rows());
    assertEquals(Files.size(file), entry.bytes());
    assertEquals(3, entry.sequences().size());

    ShardFile shard = ShardFile.open(file, entry, true);
    assertEquals("1", shard.metadata().get(TrajectorySchema.KEY_VERSION));
    assertEquals(SynthMetadata.settingsJson(s), shard.metadata().get(TrajectorySchema.KEY_SETTINGS));
    StepWindow w = new StepWindow(1500);
    for (int b = 0; b < 3; b++) {
      SequenceColumns c = seqs.get(b);
      shard.view(b).read(0, 1500, w);
      assertArrayEquals(c.state, w.state);
      assertArrayEquals(c.action, w.action);
      assertArrayEquals(c.label, w.label);
      assertArrayEquals(c.prompt, w.prompt);
      assertArrayEquals(c.tag, w.tag);
      assertArrayEquals(c.reward, w.reward);
      assertArrayEquals(c.terminated, w.terminated);
      assertArrayEquals(c.truncated, w.truncated);
      assertArrayEquals(c.episode, w.episode);
      assertArrayEquals(c.episodeStep, w.episodeStep);
      // an unaligned window (bit-packed flags start mid-byte)
      StepWindow small = new StepWindow(64);
      shard.view(b).read(333, 61, small);
      assertArrayEquals(Arrays.copyOfRange(c.truncated, 333, 394),
          Arrays.copyOf(small.truncated, 61));
      assertArrayEquals(Arrays.copyOfRange(c.terminated, 333, 394),
          Arrays.copyOf(small.terminated, 61));
      assertArrayEquals(Arrays.copyOfRange(c.state, 333, 394), Arrays.copyOf(small.state, 61));
    }
  }

  @Test
  void sameSequencesGiveByteIdenticalFiles() throws Exception {
    SynthSettings s = TestSettings.of("icrl.synth.steps=700");
    Path a = dir.resolve("a.arrow");
    Path b = dir.resolve("b.arrow");
    ShardWriter.write(a, 0, sequences(s, 2), SynthMetadata.schemaMetadata(s));
    ShardWriter.write(b, 0, sequences(s, 2), SynthMetadata.schemaMetadata(s));
    assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
  }

  @Test
  void corruptionIsDetectedAndNamesFileAndBatch() throws Exception {
    SynthSettings s = TestSettings.of("icrl.synth.steps=1000");
    Path file = dir.resolve(ShardEntry.fileName(3));
    ShardEntry entry = ShardWriter.write(file, 3, sequences(s, 2), SynthMetadata.schemaMetadata(s));
    byte[] good = Files.readAllBytes(file);
    ShardFile.open(file, entry, true);

    // one flipped bit inside the second batch's body
    byte[] bad = good.clone();
    ShardFile f = ShardFile.open(file, entry, false);
    int inSecond = (int) (entry.bytes() / 2 + 2000);
    bad[inSecond] ^= 0x10;
    Files.write(file, bad);
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> ShardFile.open(file, entry, true));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("batch 1") && e.getMessage().contains("checksum"),
        e.getMessage());
    assertEquals(2, f.sequences().size());

    // truncated file
    Files.write(file, Arrays.copyOf(good, good.length - 100));
    e = assertThrows(InvalidInputException.class, () -> ShardFile.open(file, entry, true));
    assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("truncated"),
        e.getMessage());
    e = assertThrows(InvalidInputException.class, () -> ShardFile.open(file));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());

    // garbage
    Files.write(file, new byte[] {1, 2, 3});
    e = assertThrows(InvalidInputException.class, () -> ShardFile.open(file));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
  }

  @Test
  void anotherFormatVersionIsRefused() throws Exception {
    SynthSettings s = TestSettings.of("icrl.synth.steps=300");
    Map<String, String> md = new TreeMap<>(SynthMetadata.schemaMetadata(s));
    md.put(TrajectorySchema.KEY_VERSION, "2");
    Path file = dir.resolve("v2.arrow");
    ShardWriter.write(file, 0, sequences(s, 1), md);
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> ShardFile.open(file));
    assertTrue(e.getMessage().contains(file.toString())
        && e.getMessage().contains("format version 2"), e.getMessage());

    md.put(TrajectorySchema.KEY_VERSION, "1");
    md.put(TrajectorySchema.KEY_FORMAT, "something-else");
    ShardWriter.write(file, 0, sequences(s, 1), md);
    e = assertThrows(InvalidInputException.class, () -> ShardFile.open(file));
    assertTrue(e.getMessage().contains("not an icrl trajectory shard"), e.getMessage());
  }
}
