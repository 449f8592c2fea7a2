package org.sparkgd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkgd.cli.CliRunner;
import org.sparkgd.config.BadRowPolicy;
import org.sparkgd.data.DataBlock;
import org.sparkgd.config.InputFormat;
import org.sparkgd.config.InputSource;
import org.sparkgd.config.InputSpec;
import org.sparkgd.data.Standardization;
import org.sparkgd.data.TrainingData;

/**
 * The same rows give the same fit, to the bit, whether they come as one CSV file, a folder of
 * CSV parts, one Parquet file of many row groups or a folder of Parquet parts, in 1, 2, 7 or 64
 * input partitions: the cache (its layout, its values and the standardization) depends only on
 * the rows and the partition count, and a fit only on the cache.
 */
class SameFitFromAnyInputTest {
  private static final int ROWS = 3000;
  private static final TestData DATA = TestData.generate(ROWS, 41);
  private static final String[] FIXED = {"--learning-rate", "0.3", "--tolerance", "0",
      "--max-iterations", "25"};

  @TempDir
  static Path dir;
  static final List<Row> rows = new ArrayList<>();
  static StructType schema;

  @BeforeAll
  static void makeRows() {
    for (int i = 0; i < ROWS; i++) {
      rows.add(RowFactory.create((long) i, DATA.x[i][0], DATA.x[i][1], DATA.x[i][2], DATA.y[i]));
    }
    schema = new StructType().add("id", DataTypes.LongType)
        .add("x1", DataTypes.DoubleType).add("x2", DataTypes.DoubleType)
        .add("x3", DataTypes.DoubleType).add("y", DataTypes.DoubleType);
  }

  /**
   * The rows in {@code parts} files of consecutive rows, in the order of their names: the
   * slices of a parallelized list, written without a shuffle.
   */
  private static Path parts(String format, int parts) {
    Path path = dir.resolve(format + "-" + parts);
    if (path.toFile().exists()) {
      return path;
    }
    SparkTestSession.get().createDataFrame(SparkTestSession.jsc().parallelize(rows, parts),
        schema).write().option("header", "true").option("parquet.block.size", "8192")
        .format(format).save(path.toString());
    return path;
  }

  private static Path fit(Path input, String name, String... options) {
    Path output = dir.resolve(name);
    List<String> all = new ArrayList<>(List.of(FIXED));
    all.addAll(List.of(options));
    CliRunner.Result r = CliRunner.fit(input, output, all.toArray(new String[0]));
    assertEquals(0, r.exitCode(), name + ": " + r.err());
    return output;
  }

  /** The cached blocks, partition by partition, and the standardization, of {@code input}. */
  private static List<Object> cache(Path input, int minPartitions) {
    InputSpec spec = new InputSpec(new InputSource(input.toString(), InputFormat.AUTO, ','),
        "y", TestData.FEATURES, minPartitions, BadRowPolicy.FAIL);
    try (TrainingData data = TrainingData.load(SparkTestSession.get().sparkContext(), spec)) {
      List<Object> all = new ArrayList<>();
      Standardization s = data.standardization();
      all.add(List.of(Arrays.toString(s.featureMeans()), Arrays.toString(s.featureStds()),
          s.labelMean(), s.labelStd()));
      for (List<DataBlock> partition : data.blocks().glom().collect()) {
        List<String> blocks = new ArrayList<>();
        for (DataBlock b : partition) {
          blocks.add(Arrays.toString(b.features()) + Arrays.toString(b.labels()));
        }
        all.add(blocks);
      }
      return all;
    }
  }

  @Test
  void csvParquetAndPartsAreCachedTheSameToTheBit() {
    Path csv = DATA.writeCsv(dir.resolve("data.csv"));
    List<Object> reference = cache(csv, 0);
    // The standardization, then the tests' two cores' partitions.
    assertEquals(3, reference.size());
    for (int parts : new int[] {1, 2, 7, 64}) {
      for (String format : List.of("csv", "parquet")) {
        Path input = parts(format, parts);
        assertEquals(reference, cache(input, 0), input.toString());
      }
    }
    assertTrue(rowGroups(onlyPart(dir.resolve("parquet-1"))) > 5);
  }

  @Test
  void csvAndParquetGiveTheSameFitToTheBit() {
    Path csv = DATA.writeCsv(dir.resolve("whole.csv"));
    Path parquet = parts("parquet", 7);
    SameFit.assertSameFit(fit(csv, "fit-csv"), fit(parquet, "fit-parquet"));
  }

  private static long rowGroups(Path file) {
    try (org.apache.parquet.hadoop.ParquetFileReader reader = org.apache.parquet.hadoop
        .ParquetFileReader.open(org.apache.parquet.hadoop.util.HadoopInputFile.fromPath(
            new org.apache.hadoop.fs.Path(file.toString()),
            new org.apache.hadoop.conf.Configuration()))) {
      return reader.getRowGroups().size();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void eightCachePartitionsFromCsvAndParquetGiveTheSameFitAndMiniBatches() {
    Path csv = DATA.writeCsv(dir.resolve("mini.csv"));
    Path parquet = parts("parquet", 3);
    String[] options = {"--min-partitions", "7", "--mode", "minibatch", "--batch-fraction",
        "0.05", "--seed", "5"};
    Path fromCsv = fit(csv, "mini-csv", options);
    assertEquals(8, CliRunner.model(fromCsv).get("partitions").asInt());
    SameFit.assertSameFit(fromCsv, fit(parquet, "mini-parquet", options));
  }

  private static Path onlyPart(Path folder) {
    try (var files = java.nio.file.Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".parquet")).findFirst()
          .orElseThrow();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
