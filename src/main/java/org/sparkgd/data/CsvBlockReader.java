package org.sparkgd.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaNewHadoopRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.SerializableConfiguration;
import org.sparkgd.UserError;
import org.sparkgd.config.BadRowPolicy;
import org.sparkgd.formula.Design;
import scala.Tuple2;

/**
 * Reads CSV files with a header into raw (not yet standardized) blocks in one pass.
 *
 * <p>Lines come from Hadoop's {@link TextInputFormat}, whose key is the line's byte offset: that
 * is what lets a bad cell be reported by file, line number and column, which Spark's CSV source
 * cannot do. Only the selected columns are parsed.
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
    PartitionReader reader = new PartitionReader(broadcast(jsc, conf),
        new ArrayList<>(header), new CsvLineParser(delimiter, selected), selected,
        features.size(), BlockPacker.defaultBlockRows(features.size()), onBadRows, null, weight);
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
    PartitionReader reader = new PartitionReader(broadcast(jsc, conf),
        new ArrayList<>(header), new CsvLineParser(delimiter, numbers, strings), numbers,
        width, BlockPacker.defaultBlockRows(width), onBadRows, design, weight);
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
    // The files in InputFiles' order (by name), which the rows keep: the file system's
    // listing order, which Hadoop would take for a folder, is not defined.
    Job job;
    try {
      job = Job.getInstance(conf);
      FileInputFormat.setInputPaths(job,
          input.files().stream().map(FileStatus::getPath).toArray(Path[]::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    @SuppressWarnings("unchecked")
    JavaNewHadoopRDD<LongWritable, Text> lines = (JavaNewHadoopRDD<LongWritable, Text>)
        jsc.newAPIHadoopRDD(job.getConfiguration(), TextInputFormat.class, LongWritable.class,
            Text.class);
    return lines.mapPartitionsWithInputSplit(reader::blocks, false);
  }

  /**
   * The configuration for the tasks, broadcast: the cache's lineage, which every iteration's
   * tasks carry, then holds its handle, not its thousand properties. Carried in the lineage,
   * they took 8 ms a task to deserialize, every iteration: 55 against 46 ms a batch iteration
   * at 10⁷ rows (event log, medians of 31).
   */
  private static Broadcast<SerializableConfiguration> broadcast(JavaSparkContext jsc,
      Configuration conf) {
    return jsc.broadcast(new SerializableConfiguration(conf));
  }

  /** Turns one input split's lines into blocks; runs in the tasks. */
  private record PartitionReader(Broadcast<SerializableConfiguration> conf,
      ArrayList<String> header, CsvLineParser parser, int[] selected, int numFeatures,
      int blockRows, BadRowPolicy onBadRows, Design design, String weight)
      implements Serializable {

    Iterator<DataBlock> blocks(InputSplit split, Iterator<Tuple2<LongWritable, Text>> lines) {
      FileSplit fileSplit = (FileSplit) split;
      SplitRows rows = new SplitRows(this, fileSplit.getPath(), fileSplit.getStart(), lines);
      return new BlockPacker(rows, numFeatures, blockRows, weight != null);
    }
  }

  /** The data rows of one split: skips the header and blank lines, reports bad cells. */
  private static final class SplitRows implements RowSource {
    private final PartitionReader reader;
    private final Path file;
    private final long splitStart;
    private final Iterator<Tuple2<LongWritable, Text>> lines;
    private final SkippedRows skipped = new SkippedRows();
    /** Null without a formula. */
    private final DesignRow designRow;
    private long linesSeen;

    SplitRows(PartitionReader reader, Path file, long splitStart,
        Iterator<Tuple2<LongWritable, Text>> lines) {
      this.reader = reader;
      this.file = file;
      this.splitStart = splitStart;
      this.lines = lines;
      this.designRow = reader.design() == null ? null
          : new DesignRow(reader.design(), reader.weight() != null);
    }

    @Override
    public boolean next(double[] row) {
      while (lines.hasNext()) {
        Tuple2<LongWritable, Text> record = lines.next();
        linesSeen++;
        Text line = record._2();
        if (splitStart == 0 && linesSeen == 1) {
          checkHeader(line);
        } else if (!CsvLineParser.isBlank(line.getBytes(), line.getLength())) {
          String reason;
          try {
            String problem = null;
            if (designRow == null) {
              reader.parser().parse(line.getBytes(), line.getLength(), row);
            } else {
              reader.parser().parse(line.getBytes(), line.getLength(), designRow.numbers,
                  designRow.strings);
              problem = designRow.expandInto(row);
            }
            if (problem == null && reader.weight() != null) {
              problem = RowWeights.problem(row[row.length - 1], reader.weight());
            }
            if (problem == null) {
              return true;
            }
            reason = file + ", line " + lineNumber(record._1().get()) + ": " + problem;
          } catch (CsvLineParser.CellException e) {
            reason = file + ", line " + lineNumber(record._1().get()) + ", column '"
                + columnName(e.column()) + "': " + e.getMessage();
          }
          if (reader.onBadRows() == BadRowPolicy.FAIL) {
            throw new UserError(reason + " (--on-bad-rows skip drops such rows)");
          }
          skipped.add(reason);
        }
      }
      return false;
    }

    @Override
    public SkippedRows drainSkipped() {
      return skipped.drain();
    }

    private void checkHeader(Text line) {
      String text = new String(line.getBytes(), 0, line.getLength(), StandardCharsets.UTF_8)
          .replaceFirst("^\uFEFF", "");
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
     * The 1-based line number of the line at {@code offset}. A split that starts the file has
     * counted its lines; otherwise (only on this error path) count the newlines before it.
     */
    private long lineNumber(long offset) {
      if (splitStart == 0) {
        return linesSeen;
      }
      Configuration conf = reader.conf().value().value();
      try (InputStream in = InputFiles.open(conf, new CompressionCodecFactory(conf), file)) {
        long newlines = 0;
        byte[] buffer = new byte[1 << 16];
        long remaining = offset;
        while (remaining > 0) {
          int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
          if (n < 0) {
            break;
          }
          for (int i = 0; i < n; i++) {
            if (buffer[i] == '\n') {
              newlines++;
            }
          }
          remaining -= n;
        }
        return newlines + 1;
      } catch (IOException e) {
        return -1;
      }
    }
  }
}
