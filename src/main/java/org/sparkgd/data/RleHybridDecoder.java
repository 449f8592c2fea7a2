package org.sparkgd.data;

import java.nio.ByteBuffer;
import org.apache.parquet.column.values.bitpacking.BytePacker;
import org.apache.parquet.column.values.bitpacking.Packer;

/**
 * Parquet's RLE / bit-packing hybrid encoding (definition levels, dictionary indexes), decoded
 * a run at a time into int arrays: parquet-mr's own decoder returns one value a call, which
 * was most of the time of reading a dictionary-encoded column. The format: runs, each headed
 * by a ULEB128 varint h; h even: h/2 copies of one value of ⌈width/8⌉ little-endian bytes;
 * h odd: h/2 groups of 8 values, bit-packed in {@code width} bytes a group.
 */
final class RleHybridDecoder {
  private final ByteBuffer in;
  private final int width;
  private final BytePacker packer;
  /** Values left in the current run. */
  private int left;
  private boolean repeated;
  private int value;
  /** A bit-packed run's values, unpacked, and the next one to hand out. */
  private int[] unpacked = new int[0];
  private int next;

  /** @param in the encoded runs (from its position to its limit) */
  RleHybridDecoder(ByteBuffer in, int width) {
    this.in = in;
    this.width = width;
    this.packer = Packer.LITTLE_ENDIAN.newBytePacker(width);
  }

  /** The next {@code n} values into {@code out} from {@code offset}. */
  void read(int[] out, int offset, int n) {
    int done = 0;
    while (done < n) {
      if (left == 0) {
        nextRun();
      }
      int k = Math.min(left, n - done);
      if (repeated) {
        java.util.Arrays.fill(out, offset + done, offset + done + k, value);
      } else {
        System.arraycopy(unpacked, next, out, offset + done, k);
        next += k;
      }
      left -= k;
      done += k;
    }
  }

  private void nextRun() {
    if (!in.hasRemaining()) {
      throw new IllegalStateException("RLE/bit-packed data ends before its values");
    }
    int header = readVarint();
    if ((header & 1) == 0) {
      repeated = true;
      left = header >>> 1;
      value = 0;
      for (int b = 0; b < (width + 7) / 8; b++) {
        value |= (in.get() & 0xFF) << (8 * b);
      }
    } else {
      repeated = false;
      int groups = header >>> 1;
      left = groups * 8;
      if (unpacked.length < left) {
        unpacked = new int[left];
      }
      // The last run may be cut short of its groups' bytes; the values past it are padding.
      byte[] packed = new byte[groups * width];
      in.get(packed, 0, Math.min(packed.length, in.remaining()));
      for (int g = 0; g < groups; g++) {
        packer.unpack8Values(packed, g * width, unpacked, g * 8);
      }
      next = 0;
    }
  }

  private int readVarint() {
    int result = 0;
    for (int shift = 0; ; shift += 7) {
      int b = in.get() & 0xFF;
      result |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
    }
  }
}
