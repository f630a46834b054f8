package io.icrl.synth.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.HexFormat;
import java.util.zip.CRC32C;

/**
 * A pass-through channel that computes the CRC-32C of everything written and, separately, of the
 * bytes written since {@link #beginPart()}. Closing it does not close the target.
 */
final class ChecksumChannel implements WritableByteChannel {
  private final WritableByteChannel target;
  private final CRC32C whole = new CRC32C();
  private final CRC32C part = new CRC32C();
  private long position;
  private long partStart;

  ChecksumChannel(WritableByteChannel target) {
    this.target = target;
  }

  @Override
  public int write(ByteBuffer src) throws IOException {
    ByteBuffer seen = src.duplicate();
    int n = 0;
    while (src.hasRemaining()) {
      n += target.write(src);
    }
    seen.limit(seen.position() + n);
    whole.update(seen.duplicate());
    part.update(seen);
    position += n;
    return n;
  }

  /** Starts a new part at the current position. */
  void beginPart() {
    part.reset();
    partStart = position;
  }

  long partStart() {
    return partStart;
  }

  long position() {
    return position;
  }

  String partCrc() {
    return hex(part.getValue());
  }

  String wholeCrc() {
    return hex(whole.getValue());
  }

  static String hex(long crc) {
    return HexFormat.of().toHexDigits((int) crc);
  }

  @Override
  public boolean isOpen() {
    return target.isOpen();
  }

  @Override
  public void close() {}
}
