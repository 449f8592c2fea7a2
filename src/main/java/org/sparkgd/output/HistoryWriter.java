package org.sparkgd.output;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopStreams;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.sparkgd.optim.IterationRecord;

/**
 * Writes the cost history, one row per iteration and run, as one Parquet file in a folder with
 * a {@code _SUCCESS} marker, as Spark would. It writes through parquet-hadoop on the driver, not through a DataFrame: the
 * history is a few hundred rows, and a process's first Spark SQL write costs seconds (the
 * README's sample fit from CSV uses Spark SQL nowhere else).
 */
public final class HistoryWriter {
  /** The file's schema, in the types Spark writes (an array as a three-level LIST). */
  public static final MessageType SCHEMA = MessageTypeParser.parseMessageType("""
      message spark_schema {
        required binary run (STRING);
        required int64 iteration;
        required double cost;
        required double objective;
        required double optimality_gap;
        required binary cost_scope (STRING);
        required int64 rows;
        required int64 passes;
        required double step_size;
        required double gradient_norm;
        required double intercept;
        required group coefficients (LIST) {
          repeated group list {
            required double element;
          }
        }
        required double elapsed_ms;
      }""");
  /** The one file in the history folder. */
  static final String FILE = "part-00000.snappy.parquet";

  private HistoryWriter() {}

  /**
   * @param fs the output's file system (without checksum files)
   * @param conf Hadoop settings for the Parquet writer
   * @param costScope "full" when costs are over all rows, "batch" for mini-batch costs
   */
  public static void write(FileSystem fs, Configuration conf, List<IterationRecord> history,
      String costScope, Path folder) throws IOException {
    SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(file(fs, new Path(folder,
        FILE))).withConf(conf).withType(SCHEMA)
        .withCompressionCodec(CompressionCodecName.SNAPPY).build()) {
      for (IterationRecord r : history) {
        Group row = groups.newGroup().append("run", r.run()).append("iteration", r.iteration())
            .append("cost", r.cost()).append("objective", r.objective())
            .append("optimality_gap", r.optimalityGap()).append("cost_scope", costScope)
            .append("rows", r.rows()).append("passes", r.passes())
            .append("step_size", r.stepSize()).append("gradient_norm", r.gradientNorm())
            .append("intercept", r.intercept()).append("elapsed_ms", r.elapsedMillis());
        Group coefficients = row.addGroup("coefficients");
        for (double c : r.coefficients()) {
          coefficients.addGroup("list").append("element", c);
        }
        writer.write(row);
      }
    }
    // Marked complete as Spark marks its output folders: a bare history folder can be plotted.
    fs.create(new Path(folder, OutputCommitter.SUCCESS), false).close();
  }

  /** {@code path} on {@code fs} as Parquet's output file. */
  private static OutputFile file(FileSystem fs, Path path) {
    return new OutputFile() {
      @Override
      public PositionOutputStream create(long blockSizeHint) throws IOException {
        return HadoopStreams.wrap(fs.create(path, false));
      }

      @Override
      public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
        return HadoopStreams.wrap(fs.create(path, true));
      }

      @Override
      public boolean supportsBlockSize() {
        return false;
      }

      @Override
      public long defaultBlockSize() {
        return 0;
      }
    };
  }
}
