package org.sparkgd.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.sparkgd.UserError;
import org.sparkgd.data.AdvertisingGenerator;
import org.sparkgd.data.SqlSession;
import org.sparkgd.output.OutputCommitter;

/** Writes {@link AdvertisingGenerator} rows: in parallel with Spark, or as one small CSV file. */
public final class GenerateJob {
  /** Beside a folder of parts; hidden from readers by its leading underscore. */
  public static final String DESCRIPTION_FILE = "_generator.json";
  private static final long ROWS_PER_PARTITION = 1_000_000;
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private GenerateJob() {}

  public static StructType schema() {
    StructType schema = new StructType();
    for (String f : AdvertisingGenerator.FEATURES) {
      schema = schema.add(f, DataTypes.DoubleType, false);
    }
    return schema.add(AdvertisingGenerator.LABEL, DataTypes.DoubleType, false);
  }

  /** A folder of CSV (with headers) or Parquet part files, one task per slice of rows. */
  public static void write(SparkContext spark, String output, long rows, long seed,
      int partitions, String format, boolean overwrite) throws IOException {
    OutputCommitter committer = new OutputCommitter(spark.hadoopConfiguration(),
        output, overwrite);
    committer.checkTarget();
    int slices = partitions > 0 ? partitions : (int) Math.max(
        spark.defaultParallelism(),
        Math.min(100_000, (rows + ROWS_PER_PARTITION - 1) / ROWS_PER_PARTITION));
    List<long[]> ranges = new ArrayList<>();
    for (int s = 0; s < slices; s++) {
      ranges.add(new long[] {rows * s / slices, rows * (s + 1) / slices});
    }
    AdvertisingGenerator generator = new AdvertisingGenerator(seed);
    JavaRDD<Row> data = JavaSparkContext.fromSparkContext(spark)
        .parallelize(ranges, slices)
        .flatMap(range -> rowsOf(generator, range[0], range[1]));
    try {
      String staging = committer.staging().toString();
      SqlSession.of(spark).createDataFrame(data, schema()).write().format(format)
          .option("header", "true").save(staging);
      writeDescription(committer.fileSystem(), new Path(staging, DESCRIPTION_FILE),
          generator, rows);
      committer.commit();
    } catch (IOException | RuntimeException e) {
      committer.abort();
      throw e;
    }
  }

  private static Iterator<Row> rowsOf(AdvertisingGenerator generator, long from, long to) {
    return new Iterator<>() {
      private final double[] row = new double[4];
      private long next = from;

      @Override
      public boolean hasNext() {
        return next < to;
      }

      @Override
      public Row next() {
        generator.row(next++, row);
        return RowFactory.create(row[0], row[1], row[2], row[3]);
      }
    };
  }

  /**
   * One CSV file written by the driver (the bundled sample data), with the generating model
   * in {@code <name>.generator.json} beside it.
   */
  public static void writeSingleCsv(Configuration conf, String output, long rows, long seed,
      boolean overwrite) throws IOException {
    Path path = new Path(output);
    FileSystem fs = path.getFileSystem(conf);
    fs.setWriteChecksum(false); // no .crc files beside a file meant for people and other tools
    if (fs.exists(path) && !overwrite) {
      throw new UserError(output + " already exists; pass --overwrite to replace it");
    }
    AdvertisingGenerator generator = new AdvertisingGenerator(seed);
    Path temporary = new Path(path.getParent(), "." + path.getName() + ".tmp");
    double[] row = new double[4];
    try (Writer out = new BufferedWriter(new OutputStreamWriter(fs.create(temporary, true),
        StandardCharsets.UTF_8))) {
      out.write(String.join(",", schema().fieldNames()) + "\n");
      for (long i = 0; i < rows; i++) {
        generator.row(i, row);
        out.write(plain(row[0]) + "," + plain(row[1]) + "," + plain(row[2]) + ","
            + plain(row[3]) + "\n");
      }
    }
    String base = path.getName().replaceFirst("\\.csv$", "");
    writeDescription(fs, new Path(path.getParent(), base + ".generator.json"), generator, rows);
    if (fs.exists(path)) {
      fs.delete(path, false);
    }
    if (!fs.rename(temporary, path)) {
      throw new IOException("cannot rename " + temporary + " to " + path);
    }
  }

  private static String plain(double v) {
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  private static void writeDescription(FileSystem fs, Path file, AdvertisingGenerator generator,
      long rows) throws IOException {
    try (OutputStream out = fs.create(file, true)) {
      JSON.writeValue(out, generator.description(rows));
    }
  }
}
