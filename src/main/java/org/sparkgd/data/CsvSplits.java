package org.sparkgd.data;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Iterator;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaNewHadoopRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.SerializableConfiguration;
import org.apache.spark.util.TaskCompletionListener;

/**
 * The input splits of CSV files, each turned into records by a {@link SplitReader} from its
 * {@link SplitLines}. Hadoop's {@code FileInputFormat} makes the splits (sizes, block locations
 * for locality); its record readers are not used. Compressed files are read whole, in one split
 * each (Hadoop splits bzip2; this reader does not).
 */
final class CsvSplits {
  private CsvSplits() {}

  /** Reads one split's lines into records; runs in the tasks. */
  @FunctionalInterface
  interface SplitReader<T> extends Serializable {
    /** @param conf the job's Hadoop configuration (for an error path's second read) */
    Iterator<T> read(FileSplit split, SplitLines lines, Configuration conf) throws IOException;
  }

  /**
   * The records {@code reader} makes of each split of {@code input}'s files, in the files'
   * order (by name, as {@link InputFiles} lists them: a file system's listing order is not
   * defined), with {@code conf}'s split sizes.
   */
  static <T> JavaRDD<T> read(JavaSparkContext jsc, InputFiles input, Configuration conf,
      SplitReader<T> reader) {
    Job job;
    try {
      job = Job.getInstance(conf);
      FileInputFormat.setInputPaths(job,
          input.files().stream().map(FileStatus::getPath).toArray(Path[]::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // The configuration is broadcast: the cache's lineage, which every iteration's tasks
    // carry, then holds its handle, not its thousand properties. Carried in the lineage, they
    // took 8 ms a task to deserialize, every iteration: 55 against 46 ms a batch iteration at
    // 10⁷ rows (event log, medians of 31).
    Broadcast<SerializableConfiguration> shared = jsc.broadcast(
        new SerializableConfiguration(conf));
    @SuppressWarnings("unchecked")
    JavaNewHadoopRDD<LongWritable, Text> splits = (JavaNewHadoopRDD<LongWritable, Text>)
        jsc.newAPIHadoopRDD(job.getConfiguration(), Format.class, LongWritable.class,
            Text.class);
    return splits.mapPartitionsWithInputSplit((split, none) -> {
      Configuration taskConf = shared.value().value();
      FileSplit fileSplit = (FileSplit) split;
      SplitLines lines = open(taskConf, fileSplit);
      TaskContext task = TaskContext.get();
      if (task != null) {
        task.addTaskCompletionListener((TaskCompletionListener) context -> close(lines));
      }
      return reader.read(fileSplit, lines, taskConf);
    }, false);
  }

  /** The lines of {@code split}: from its start, or the whole file when it is compressed. */
  static SplitLines open(Configuration conf, FileSplit split) throws IOException {
    Path file = split.getPath();
    CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(file);
    if (codec != null) {
      return new SplitLines(codec.createInputStream(file.getFileSystem(conf).open(file)), 0,
          Long.MAX_VALUE);
    }
    FSDataInputStream in = file.getFileSystem(conf).open(file);
    in.seek(split.getStart());
    return new SplitLines(in, split.getStart(), split.getStart() + split.getLength());
  }

  /** The 1-based number of the line at byte {@code offset} of {@code file}: an error path's. */
  static long lineNumber(Configuration conf, Path file, long offset) {
    try (SplitLines lines = open(conf, new FileSplit(file, 0, Long.MAX_VALUE, new String[0]))) {
      long number = 0;
      while (lines.next()) {
        number++;
        if (lines.offset() >= offset) {
          return number;
        }
      }
      return -1;
    } catch (IOException e) {
      return -1;
    }
  }

  private static void close(SplitLines lines) {
    try {
      lines.close();
    } catch (IOException e) {
      // reading is over; a failed close loses nothing
    }
  }

  /**
   * The files' splits, not split when compressed, with no records: a {@link SplitReader} reads
   * them.
   */
  public static final class Format extends FileInputFormat<LongWritable, Text> {
    @Override
    protected boolean isSplitable(JobContext context, Path file) {
      return new CompressionCodecFactory(context.getConfiguration()).getCodec(file) == null;
    }

    @Override
    public RecordReader<LongWritable, Text> createRecordReader(InputSplit split,
        TaskAttemptContext context) {
      return new RecordReader<>() {
        @Override
        public void initialize(InputSplit s, TaskAttemptContext c) {}

        @Override
        public boolean nextKeyValue() {
          return false;
        }

        @Override
        public LongWritable getCurrentKey() {
          return null;
        }

        @Override
        public Text getCurrentValue() {
          return null;
        }

        @Override
        public float getProgress() {
          return 1;
        }

        @Override
        public void close() {}
      };
    }
  }
}
