package io.icrl.cluster.serialization;

import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;

/**
 * A Kryo input over a complete message that refuses any length prefix larger than the bytes left
 * in the message before allocating for it, so a crafted frame claiming a 2 GB array or string
 * fails fast instead of exhausting the heap. Every element takes at least one byte on the wire.
 */
final class BoundedInput extends Input {
  BoundedInput(byte[] bytes) {
    super(bytes);
  }

  /** Bytes left to read. */
  int remaining() {
    return limit - position;
  }

  /** Throws unless {@code count} elements of at least {@code minBytes} each can still follow. */
  void requireElements(long count, int minBytes, String what) {
    if (count < 0 || count * minBytes > remaining()) {
      throw new KryoException(what + " claims " + count + " elements but only " + remaining()
          + " bytes remain in the message");
    }
  }

  @Override
  public String readString() {
    if (position < limit && readVarIntFlag()) {
      int start = position;
      int charCount = readVarIntFlag(true);
      position = start;
      requireElements(charCount - 1L, 1, "string");
    }
    return super.readString();
  }

  @Override
  public byte[] readBytes(int length) {
    requireElements(length, 1, "byte array");
    return super.readBytes(length);
  }

  @Override
  public int[] readInts(int length, boolean optimizePositive) {
    requireElements(length, 1, "int array");
    return super.readInts(length, optimizePositive);
  }

  @Override
  public int[] readInts(int length) {
    requireElements(length, 4, "int array");
    return super.readInts(length);
  }

  @Override
  public long[] readLongs(int length, boolean optimizePositive) {
    requireElements(length, 1, "long array");
    return super.readLongs(length, optimizePositive);
  }

  @Override
  public long[] readLongs(int length) {
    requireElements(length, 8, "long array");
    return super.readLongs(length);
  }

  @Override
  public float[] readFloats(int length) {
    requireElements(length, 4, "float array");
    return super.readFloats(length);
  }

  @Override
  public double[] readDoubles(int length) {
    requireElements(length, 8, "double array");
    return super.readDoubles(length);
  }

  @Override
  public short[] readShorts(int length) {
    requireElements(length, 2, "short array");
    return super.readShorts(length);
  }

  @Override
  public char[] readChars(int length) {
    requireElements(length, 2, "char array");
    return super.readChars(length);
  }

  @Override
  public boolean[] readBooleans(int length) {
    requireElements(length, 1, "boolean array");
    return super.readBooleans(length);
  }

  /** Checks a collection size read by a serializer against the bytes left. */
  static void checkSize(Input input, int size, String what) {
    if (input instanceof BoundedInput bounded) {
      bounded.requireElements(size, 1, what);
    }
  }
}
