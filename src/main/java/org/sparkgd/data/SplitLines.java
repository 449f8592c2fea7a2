package org.sparkgd.data;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of one input split, read straight from the file's bytes into one reused buffer:
 * each line is a range of {@link #bytes()}, with nothing copied or allocated per line (Hadoop's
 * LineReader copies each line into a {@code Text}, and its record reader boxes its offset: 16%
 * and more of a CSV read's time, JFR at 10⁷ rows).
 *
 * <p>The split [start, end) holds the lines that start after the first line end at or after
 * {@code start} (from the file's first byte when {@code start} is 0) and no later than
 * {@code end}: Hadoop's {@code LineRecordReader} rule, so each line is read by exactly one
 * split. A line ends at {@code \n}, {@code \r\n} or a lone {@code \r}, as in Hadoop's
 * {@code LineReader}; the last line needs no line end.
 */
final class SplitLines implements Closeable {
  private static final int BUFFER_BYTES = 1 << 20;

  private final InputStream in;
  private final long end;
  private byte[] buffer;
  /** The file offset of {@code buffer[0]}. */
  private long bufferOffset;
  private int filled;
  private int next;
  private boolean endOfFile;
  private int lineStart;
  private int lineEnd;
  private long lineOffset;

  /**
   * @param in the file's bytes from {@code start} on
   * @param end the split's end, or {@link Long#MAX_VALUE} for the whole file
   */
  SplitLines(InputStream in, long start, long end) throws IOException {
    this(in, start, end, BUFFER_BYTES);
  }

  /** As above, with a first buffer of {@code bufferBytes} (it grows for a longer line). */
  SplitLines(InputStream in, long start, long end, int bufferBytes) throws IOException {
    this.buffer = new byte[bufferBytes];
    this.in = in;
    this.end = end;
    this.bufferOffset = start;
    if (start > 0) {
      nextLine(); // the line that started before this split
    }
  }

  /** Moves to the next line of the split; false after its last. */
  boolean next() throws IOException {
    return bufferOffset + next <= end && nextLine();
  }

  /** The buffer that holds the current line (valid until the next call of {@link #next}). */
  byte[] bytes() {
    return buffer;
  }

  /** Where the current line starts in {@link #bytes()}. */
  int start() {
    return lineStart;
  }

  /** Where the current line ends in {@link #bytes()}, its line end excluded. */
  int end() {
    return lineEnd;
  }

  /** The current line's byte offset in the file. */
  long offset() {
    return lineOffset;
  }

  private boolean nextLine() throws IOException {
    int i = next;
    while (true) {
      byte[] b = buffer;
      int n = filled;
      while (i < n && b[i] != '\n' && b[i] != '\r') {
        i++;
      }
      // A \r as the buffer's last byte needs the next byte: \r\n is one line end.
      if (i < n && (b[i] == '\n' || i + 1 < n || endOfFile)) {
        take(i, i + (b[i] == '\r' && i + 1 < n && b[i + 1] == '\n' ? 2 : 1));
        return true;
      }
      if (endOfFile) {
        if (next == n) {
          return false;
        }
        take(n, n);
        return true;
      }
      i = fill(i);
    }
  }

  /** The line from {@code next} to {@code to}, the next one from {@code after}. */
  private void take(int to, int after) {
    lineStart = next;
    lineEnd = to;
    lineOffset = bufferOffset + next;
    next = after;
  }

  /**
   * Keeps the unread bytes (moved to the buffer's start, which grows when a line fills it) and
   * reads more; returns {@code scanned}, where the scan was, in the moved buffer.
   */
  private int fill(int scanned) throws IOException {
    int kept = filled - next;
    if (next > 0) {
      System.arraycopy(buffer, next, buffer, 0, kept);
      bufferOffset += next;
      scanned -= next;
      next = 0;
      filled = kept;
    }
    if (filled == buffer.length) {
      buffer = Arrays.copyOf(buffer, 2 * buffer.length);
    }
    int read = in.read(buffer, filled, buffer.length - filled);
    if (read < 0) {
      endOfFile = true;
    } else {
      filled += read;
    }
    return scanned;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
