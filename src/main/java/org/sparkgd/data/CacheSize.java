package org.sparkgd.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.spark.util.SizeEstimator;
import org.sparkgd.UserError;
import org.sparkgd.config.InputSpec;
import org.sparkgd.formula.Design;

/**
 * What a fit's cache of packed blocks will take in memory, worked out before the rows are read:
 * rows × columns × 8 bytes (features, label, and the weight when there is one) plus each
 * {@link DataBlock}'s own object and array headers, as Spark's {@code SizeEstimator} counts
 * them for the cache. Parquet's rows come from the footers (exact); a CSV's are estimated from
 * the bytes per line of samples at the quarters of a few of its files.
 *
 * @param rows the rows, or -1 when they cannot be told before reading (compressed CSV)
 * @param exact whether {@code rows} is a count, not an estimate
 * @param columns the doubles a row takes: features, label, weight
 * @param bytes the cache's size, or -1 with unknown rows
 */
public record CacheSize(long rows, boolean exact, int columns, long bytes) {
  /** The bytes a CSV sample reads at each place. */
  static final int SAMPLE_BYTES = 1 << 16;
  /** The files of a folder of parts sampled (spread over the list). */
  private static final int SAMPLED_FILES = 4;

  /** The cache of {@code rows} rows of {@code numFeatures} features in {@code partitions}. */
  public static CacheSize of(long rows, boolean exact, int numFeatures, boolean weighted,
      int partitions) {
    int columns = numFeatures + 1 + (weighted ? 1 : 0);
    if (rows < 0) {
      return new CacheSize(-1, false, columns, -1);
    }
    // Each partition ends with one part-full block: at most one more block each.
    long blocks = ceil(rows, BlockPacker.defaultBlockRows(numFeatures)) + partitions;
    return new CacheSize(rows, exact, columns, rows * columns * 8L
        + blocks * blockOverhead(numFeatures, weighted));
  }

  /** A block's bytes besides its values: its object and its arrays' headers. */
  static long blockOverhead(int numFeatures, boolean weighted) {
    return SizeEstimator.estimate(new DataBlock(numFeatures, new double[0], new double[0],
        weighted ? new double[0] : null, null));
  }

  /**
   * The cache of the rows {@code spec} chooses from {@code files} (the columns of
   * {@code design} when not null), laid out for {@code cores} task slots.
   */
  public static CacheSize of(Configuration conf, InputSpec spec, InputFiles files,
      Design design, int cores) {
    boolean parquet = TrainingData.parquet(spec, files);
    long rows = parquet ? parquetRows(conf, files) : csvRows(conf, files);
    int numFeatures = design != null ? design.columnNames().size() : spec.features().size();
    return of(rows, parquet, numFeatures, spec.weight() != null, BalancedBlocks.partitions(
        cores, Math.max(0, rows), numFeatures, spec.minPartitions()));
  }

  /** The rows the footers record: exact. */
  static long parquetRows(Configuration conf, InputFiles files) {
    return files.parquetFooters(conf).stream().flatMap(f -> f.getBlocks().stream())
        .mapToLong(BlockMetaData::getRowCount).sum();
  }

  /**
   * The data rows of CSV files with a header, estimated as each file's bytes after its header
   * over the mean bytes a line takes in the samples; -1 for compressed files.
   */
  static long csvRows(Configuration conf, InputFiles files) {
    CompressionCodecFactory codecs = new CompressionCodecFactory(conf);
    long sampledBytes = 0;
    long sampledLines = 0;
    long headerBytes = 0;
    int n = files.files().size();
    int step = Math.max(1, n / SAMPLED_FILES);
    for (int i = 0; i < n; i += step) {
      FileStatus file = files.files().get(i);
      if (codecs.getCodec(file.getPath()) != null) {
        return -1;
      }
      headerBytes = Math.max(headerBytes, sample(conf, file, 0)[2]);
      // A small file from its start; a larger one at its quarters, as lines may grow along a file.
      for (long offset : file.getLen() <= 4L * SAMPLE_BYTES ? new long[] {0}
          : new long[] {file.getLen() / 4, file.getLen() / 2, file.getLen() * 3 / 4}) {
        long[] sample = sample(conf, file, offset);
        sampledBytes += sample[0];
        sampledLines += sample[1];
      }
    }
    if (sampledLines == 0) {
      return 0;
    }
    double bytesPerLine = (double) sampledBytes / sampledLines;
    long rows = 0;
    for (FileStatus file : files.files()) {
      rows += Math.round(Math.max(0, file.getLen() - headerBytes) / bytesPerLine);
    }
    return rows;
  }

  /**
   * The whole lines of up to {@link #SAMPLE_BYTES} from {@code offset} on (after the header at
   * 0, after the first line break elsewhere): {bytes, lines, the header's bytes}.
   */
  private static long[] sample(Configuration conf, FileStatus file, long offset) {
    byte[] buffer = new byte[SAMPLE_BYTES];
    int length = 0;
    try (FSDataInputStream in = file.getPath().getFileSystem(conf).open(file.getPath())) {
      in.seek(offset);
      length = readFully(in, buffer);
    } catch (IOException e) {
      throw new UserError(file.getPath() + ": cannot be read: " + e.getMessage(), e);
    }
    int first = -1;
    int last = -1;
    long lines = 0;
    for (int i = 0; i < length; i++) {
      // A line ends at \n, \r\n or a lone \r, as the reader's lines do (SplitLines).
      if (buffer[i] == '\n'
          || (buffer[i] == '\r' && (i + 1 == length || buffer[i + 1] != '\n'))) {
        if (first < 0) {
          first = i;
        } else {
          lines++;
        }
        last = i;
      }
    }
    if (first < 0) {
      return new long[] {0, 0, offset == 0 ? length : 0};
    }
    if (offset + length >= file.getLen() && buffer[length - 1] != '\n') {
      lines++; // the file's last line has no line break
      last = length - 1;
    }
    return new long[] {last - first, lines, offset == 0 ? first + 1 : 0};
  }

  private static int readFully(InputStream in, byte[] buffer) throws IOException {
    int length = 0;
    for (int read; length < buffer.length
        && (read = in.read(buffer, length, buffer.length - length)) > 0; ) {
      length += read;
    }
    return length;
  }

  private static long ceil(long a, long b) {
    return (a + b - 1) / b;
  }

  /** "10,000,000 rows × 4 columns = 305.3 MiB", "about …" for an estimate. */
  public String describe() {
    if (rows < 0) {
      return "unknown rows (compressed CSV) × " + columns + " columns";
    }
    return String.format(Locale.ROOT, "%s%,d rows × %d columns = %s", exact ? "" : "about ",
        rows, columns, mib(bytes));
  }

  /** Bytes as MiB with one decimal, or GiB above 10 GiB. */
  public static String mib(long bytes) {
    double mib = bytes / (1024.0 * 1024.0);
    return mib >= 10240 ? String.format(Locale.ROOT, "%.1f GiB", mib / 1024)
        : String.format(Locale.ROOT, "%.1f MiB", mib);
  }
}
