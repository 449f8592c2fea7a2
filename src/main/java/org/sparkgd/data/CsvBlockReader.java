package org.sparkgd.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.sparkgd.UserError;
import org.sparkgd.config.BadRowPolicy;
import org.sparkgd.formula.Design;

/**
 * Reads CSV files with a header into raw (not yet standardized) blocks in one pass.
 *
 * <p>Each split's lines come from its file's bytes ({@link CsvSplits}), with their byte offsets:
 * that is what lets a bad cell be reported by file, line number and column, which Spark's CSV
 * source cannot do. Only the selected columns are parsed.
 */
public final class CsvBlockReader {
  private static final String MAX_SPLIT_BYTES = "mapreduce.input.fileinputformat.split.maxsize";
  private static final String MIN_SPLIT_BYTES = "mapreduce.input.fileinputformat.split.minsize";
  /** The largest split sized by the cores, as Spark SQL's spark.sql.files.maxPartitionBytes. */
  static final long MAX_CORE_SPLIT_BYTES = 128L << 20;

  private CsvBlockReader() {}

  /**
   * @param minPartitions at least this many input splits (0: Hadoop's default split size)
   */
  public static JavaRDD<DataBlock> read(JavaSparkContext jsc, InputFiles input, char delimiter,
      List<String> features, String label, int minPartitions, BadRowPolicy onBadRows) {
    return read(jsc, input, delimiter, features, label, null, minPartitions, onBadRows);
  }

  /** @param weight the column of row weights, read after the label, or null */
  public static JavaRDD<DataBlock> read(JavaSparkContext jsc, InputFiles input, char delimiter,
      List<String> features, String label, String weight, int minPartitions,
      BadRowPolicy onBadRows) {
    Configuration conf = new Configuration(jsc.hadoopConfiguration());
    InputFiles.FirstLine first = input.firstLine(conf);
    List<String> header = header(delimiter, first);
    int[] selected = withWeight(ColumnSelection.resolve(header, features, label, first.file()),
        header, weight, first.file());
    splitSizes(conf, input, minPartitions, jsc.defaultParallelism());
    PartitionReader reader = new PartitionReader(new ArrayList<>(header),
        new CsvLineParser(delimiter, selected), features.size(),
        BlockPacker.defaultBlockRows(features.size()), onBadRows, null, weight);
    return blocks(jsc, input, conf, reader);
  }

  /** The design rows of a formula: its numeric and string columns, expanded per row. */
  public static JavaRDD<DataBlock> read(JavaSparkContext jsc, InputFiles input, char delimiter,
      Design design, String weight, int minPartitions, BadRowPolicy onBadRows) {
    Configuration conf = new Configuration(jsc.hadoopConfiguration());
    InputFiles.FirstLine first = input.firstLine(conf);
    List<String> header = header(delimiter, first);
    int[] numbers = ColumnSelection.requireAll(header, DesignRow.numericColumns(design, weight),
        "the formula's numeric columns", first.file());
    int[] strings = ColumnSelection.requireAll(header, design.stringColumns(),
        "the formula's string columns", first.file());
    splitSizes(conf, input, minPartitions, jsc.defaultParallelism());
    int width = design.width();
    PartitionReader reader = new PartitionReader(new ArrayList<>(header),
        new CsvLineParser(delimiter, numbers, strings), width,
        BlockPacker.defaultBlockRows(width), onBadRows, design, weight);
    return blocks(jsc, input, conf, reader);
  }

  /**
   * The input's splits: at least {@code minPartitions} when it is set; else the input's bytes
   * shared by the cores, at most {@link #MAX_CORE_SPLIT_BYTES} a split, as Spark SQL sizes its
   * file splits, and never less than a file system block. On the local file system (32 MiB
   * blocks) 200 MB of CSV on 2 cores came as 7 splits read in 4 waves; now as 2.
   */
  static void splitSizes(Configuration conf, InputFiles input, int minPartitions, int cores) {
    if (minPartitions > 0) {
      conf.setLong(MAX_SPLIT_BYTES, Math.max(1, input.totalBytes() / minPartitions));
    } else {
      long perCore = (input.totalBytes() + cores - 1) / Math.max(1, cores);
      conf.setLong(MIN_SPLIT_BYTES, Math.max(conf.getLong(MIN_SPLIT_BYTES, 0),
          Math.min(MAX_CORE_SPLIT_BYTES, perCore)));
    }
  }

  /** The selected columns' indices, then the weight column's (when there is one). */
  private static int[] withWeight(int[] selected, List<String> header, String weight,
      String file) {
    if (weight == null) {
      return selected;
    }
    int[] all = java.util.Arrays.copyOf(selected, selected.length + 1);
    all[selected.length] = ColumnSelection.requireAll(header, List.of(weight),
        "the weight column", file)[0];
    return all;
  }

  /** The input's header, split. */
  static List<String> header(char delimiter, InputFiles.FirstLine first) {
    try {
      return new CsvLineParser(delimiter, new int[0]).splitHeader(first.line());
    } catch (CsvLineParser.CellException e) {
      throw new UserError(first.file() + ", line 1 (header): " + e.getMessage()
          + ColumnSelection.delimiterHint(first.line(), delimiter));
    }
  }

  private static JavaRDD<DataBlock> blocks(JavaSparkContext jsc, InputFiles input,
      Configuration conf, PartitionReader reader) {
    return CsvSplits.read(jsc, input, conf, reader::blocks);
  }

  /** Turns one input split's lines into blocks; runs in the tasks. */
  private record PartitionReader(ArrayList<String> header, CsvLineParser parser,
      int numFeatures, int blockRows, BadRowPolicy onBadRows, Design design, String weight)
      implements Serializable {

    Iterator<DataBlock> blocks(FileSplit split, SplitLines lines, Configuration conf) {
      return new BlockPacker(new SplitRows(this, split, lines, conf), numFeatures, blockRows,
          weight != null);
    }
  }

  /** The data rows of one split: skips the header and blank lines, reports bad cells. */
  private static final class SplitRows implements RowSource {
    private final PartitionReader reader;
    private final Path file;
    private final long splitStart;
    private final SplitLines lines;
    private final Configuration conf;
    private final SkippedRows skipped = new SkippedRows();
    /** Null without a formula. */
    private final DesignRow designRow;
    private long linesSeen;
    private long firstLineOffset;
    /** The split's first line's number, worked out when an error needs it; 0: not yet. */
    private long firstLineNumber;

    SplitRows(PartitionReader reader, FileSplit split, SplitLines lines, Configuration conf) {
      this.reader = reader;
      this.file = split.getPath();
      this.splitStart = split.getStart();
      this.lines = lines;
      this.conf = conf;
      this.designRow = reader.design() == null ? null
          : new DesignRow(reader.design(), reader.weight() != null);
    }

    @Override
    public boolean next(double[] row) {
      try {
        while (lines.next()) {
          if (++linesSeen == 1) {
            firstLineOffset = lines.offset();
          }
          if (splitStart == 0 && linesSeen == 1) {
            checkHeader();
          } else if (!CsvLineParser.isBlank(lines.bytes(), lines.start(), lines.end())
              && parsed(row)) {
            return true;
          }
        }
        return false;
      } catch (IOException e) {
        throw new UncheckedIOException(file + ": cannot be read", e);
      }
    }

    /** Parses the current line into {@code row}; false (or a UserError) for a bad one. */
    private boolean parsed(double[] row) {
      String reason;
      try {
        String problem = null;
        if (designRow == null) {
          reader.parser().parse(lines.bytes(), lines.start(), lines.end(), row);
        } else {
          reader.parser().parse(lines.bytes(), lines.start(), lines.end(), designRow.numbers,
              designRow.strings);
          problem = designRow.expandInto(row);
        }
        if (problem == null && reader.weight() != null) {
          problem = RowWeights.problem(row[row.length - 1], reader.weight());
        }
        if (problem == null) {
          return true;
        }
        reason = file + ", line " + lineNumber() + ": " + problem;
      } catch (CsvLineParser.CellException e) {
        reason = file + ", line " + lineNumber() + ", column '" + columnName(e.column())
            + "': " + e.getMessage();
      }
      if (reader.onBadRows() == BadRowPolicy.FAIL) {
        throw new UserError(reason + " (--on-bad-rows skip drops such rows)");
      }
      skipped.add(reason);
      return false;
    }

    @Override
    public SkippedRows drainSkipped() {
      return skipped.drain();
    }

    private void checkHeader() {
      String text = new String(lines.bytes(), lines.start(), lines.end() - lines.start(),
          StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "");
      List<String> names;
      try {
        names = reader.parser().splitHeader(text);
      } catch (CsvLineParser.CellException e) {
        throw new UserError(file + ", line 1 (header): " + e.getMessage());
      }
      if (!names.equals(reader.header())) {
        throw new UserError(file + ": its header " + names + " differs from the first file's "
            + reader.header() + "; all files of an input must share one header");
      }
    }

    private String columnName(int column) {
      return column < reader.header().size() ? reader.header().get(column) : "#" + (column + 1);
    }

    /**
     * The current line's 1-based number, or -1 when it cannot be told. A split that starts the
     * file has counted its lines; another, on this error path only, reads the lines before it
     * once.
     */
    private long lineNumber() {
      if (splitStart == 0) {
        return linesSeen;
      }
      if (firstLineNumber == 0) {
        firstLineNumber = CsvSplits.lineNumber(conf, file, firstLineOffset);
      }
      return firstLineNumber < 0 ? -1 : firstLineNumber + linesSeen - 1;
    }
  }
}
