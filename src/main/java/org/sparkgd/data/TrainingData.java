package org.sparkgd.data;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.sparkgd.UserError;

/**
 * The standardized rows, packed into blocks and cached once for every iteration of a fit, with
 * the statistics used to standardize them. Close it to release the cache.
 */
public final class TrainingData implements AutoCloseable {
  private final JavaRDD<DataBlock> blocks;
  private final Standardization standardization;
  private final long rows;
  private final SkippedRows skipped;

  private TrainingData(JavaRDD<DataBlock> blocks, Standardization standardization, long rows,
      SkippedRows skipped) {
    this.blocks = blocks;
    this.standardization = standardization;
    this.rows = rows;
    this.skipped = skipped;
  }

  /** Reads the input once (CSV or Parquet), standardizes it and caches the blocks. */
  public static TrainingData load(SparkSession spark, InputSpec spec) {
    return load(spark, spec, InputFiles.list(spark.sparkContext().hadoopConfiguration(),
        spec.path()));
  }

  /** As {@link #load(SparkSession, InputSpec)}, with the input's files already listed. */
  public static TrainingData load(SparkSession spark, InputSpec spec, InputFiles files) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    boolean parquet = spec.format() == InputFormat.PARQUET
        || (spec.format() == InputFormat.AUTO && files.looksLikeParquet());
    JavaRDD<DataBlock> raw = parquet
        ? ParquetBlockReader.read(spark, files, spec.features(), spec.label(),
            spec.minPartitions(), spec.onBadRows())
        : CsvBlockReader.read(jsc, files, spec.delimiter(), spec.features(), spec.label(),
            spec.minPartitions(), spec.onBadRows());
    return fromRaw(raw, spec.features(), spec.label(), spec.path());
  }

  /**
   * Caches the raw blocks for the statistics pass, then the standardized blocks; the raw cache is
   * dropped once the standardized one is complete, so the input is parsed once.
   */
  public static TrainingData fromRaw(JavaRDD<DataBlock> raw, List<String> features,
      String label, String source) {
    int numFeatures = features.size();
    raw.setName("sparkgd raw input: " + source).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      ColumnStatistics stats = statistics(raw, numFeatures);
      if (stats.count() == 0 && stats.skipped().count() > 0) {
        throw new UserError(source + ": all " + stats.skipped().count() + " data rows are bad, "
            + "e.g. " + stats.skipped().examples().get(0));
      }
      if (stats.count() == 0) {
        throw new UserError(source + ": no data rows (only a header?)");
      }
      if (stats.count() < 2) {
        throw new UserError(source + ": a single data row; standardizing needs at least 2");
      }
      List<String> columns = new java.util.ArrayList<>(features);
      columns.add(label);
      Standardization standardization = Standardization.of(stats, columns);
      JavaRDD<DataBlock> blocks = raw.map(standardization::apply);
      blocks.setName("sparkgd standardized blocks: " + source)
          .persist(StorageLevel.MEMORY_AND_DISK());
      blocks.count();
      return new TrainingData(blocks, standardization, stats.count(), stats.skipped());
    } finally {
      raw.unpersist(false);
    }
  }

  private static ColumnStatistics statistics(JavaRDD<DataBlock> raw, int numFeatures) {
    return PartitionSummaries.mergeInOrder(raw, () -> new ColumnStatistics(numFeatures + 1),
        ColumnStatistics::add, ColumnStatistics::merge);
  }

  public JavaRDD<DataBlock> blocks() {
    return blocks;
  }

  public Standardization standardization() {
    return standardization;
  }

  /** Input rows dropped as bad (with --on-bad-rows skip). */
  public SkippedRows skipped() {
    return skipped;
  }

  public long rows() {
    return rows;
  }

  public int numFeatures() {
    return standardization.numFeatures();
  }

  @Override
  public void close() {
    blocks.unpersist(false);
  }
}
