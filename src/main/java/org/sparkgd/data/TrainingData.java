package org.sparkgd.data;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.sparkgd.UserError;

/**
 * The standardized training rows, packed into blocks and cached once for every iteration of a
 * fit, with the statistics used to standardize them; and, when a share of the rows is held out,
 * the test rows, cached as read (original scale). Close it to release the caches.
 */
public final class TrainingData implements AutoCloseable {
  private final JavaRDD<DataBlock> blocks;
  private final Standardization standardization;
  private final long rows;
  /** Null when no rows are held out. */
  private final JavaRDD<DataBlock> testBlocks;
  private final long testRows;

  private TrainingData(JavaRDD<DataBlock> blocks, Standardization standardization, long rows,
      JavaRDD<DataBlock> testBlocks, long testRows) {
    this.blocks = blocks;
    this.standardization = standardization;
    this.rows = rows;
    this.testBlocks = testBlocks;
    this.testRows = testRows;
  }

  /** Reads the input once (CSV or Parquet), standardizes it and caches the blocks. */
  public static TrainingData load(SparkSession spark, InputSpec spec) {
    return load(spark, spec, null);
  }

  /**
   * As {@link #load(SparkSession, InputSpec)}, holding out the rows {@code split} picks
   * (null: none) before anything is computed from the data.
   */
  public static TrainingData load(SparkSession spark, InputSpec spec, HoldOutSplit split) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    InputFiles files = InputFiles.list(jsc.hadoopConfiguration(), spec.path());
    boolean parquet = spec.format() == InputFormat.PARQUET
        || (spec.format() == InputFormat.AUTO && files.looksLikeParquet());
    JavaRDD<DataBlock> raw = parquet
        ? ParquetBlockReader.read(spark, files, spec.features(), spec.label(),
            spec.minPartitions())
        : CsvBlockReader.read(jsc, files, spec.delimiter(), spec.features(), spec.label(),
            spec.minPartitions());
    return fromRaw(raw, spec.features().size(), spec.path(), split);
  }

  /** All rows of {@code raw} are training rows. */
  public static TrainingData fromRaw(JavaRDD<DataBlock> raw, int numFeatures, String source) {
    return fromRaw(raw, numFeatures, source, null);
  }

  /**
   * Caches the raw blocks for the statistics pass, then the standardized training blocks (and
   * the raw test blocks); the raw cache is dropped once those are complete, so the input is
   * parsed once. The statistics come from the training rows only.
   */
  public static TrainingData fromRaw(JavaRDD<DataBlock> raw, int numFeatures, String source,
      HoldOutSplit split) {
    raw.setName("sparkgd raw input: " + source).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      JavaRDD<DataBlock> training = split == null ? raw : keep(raw, split, false);
      ColumnStatistics stats = statistics(training, numFeatures);
      String heldOut = split == null ? "" : " after holding out --test-fraction "
          + split.fraction() + " of the rows";
      if (stats.count() == 0) {
        throw new UserError(source + ": no data rows" + (split == null ? " (only a header?)"
            : heldOut));
      }
      if (stats.count() < 2) {
        throw new UserError(source + ": a single data row" + heldOut
            + "; standardizing needs at least 2");
      }
      Standardization standardization = Standardization.of(stats);
      JavaRDD<DataBlock> blocks = training.map(standardization::apply);
      blocks.setName("sparkgd standardized blocks: " + source)
          .persist(StorageLevel.MEMORY_AND_DISK());
      blocks.count();
      JavaRDD<DataBlock> test = null;
      long testRows = 0;
      if (split != null) {
        test = keep(raw, split, true);
        test.setName("sparkgd held-out test blocks: " + source)
            .persist(StorageLevel.MEMORY_AND_DISK());
        testRows = test.map(b -> (long) b.rows()).fold(0L, Long::sum);
      }
      return new TrainingData(blocks, standardization, stats.count(), test, testRows);
    } finally {
      raw.unpersist(false);
    }
  }

  private static JavaRDD<DataBlock> keep(JavaRDD<DataBlock> raw, HoldOutSplit split,
      boolean test) {
    return raw.map(b -> split.keep(b, test)).filter(b -> b.rows() > 0);
  }

  /**
   * One summary per partition, merged on the driver in partition order: Chan's merge is not
   * associative in floating point, and a fixed order makes the standardization repeat bit for
   * bit (treeAggregate would merge in the order tasks finish).
   */
  private static ColumnStatistics statistics(JavaRDD<DataBlock> raw, int numFeatures) {
    List<ColumnStatistics> partitions = raw.mapPartitions(blocks -> {
      ColumnStatistics partial = new ColumnStatistics(numFeatures + 1);
      blocks.forEachRemaining(partial::add);
      return List.of(partial).iterator();
    }).collect();
    ColumnStatistics total = new ColumnStatistics(numFeatures + 1);
    partitions.forEach(total::merge);
    return total;
  }

  public JavaRDD<DataBlock> blocks() {
    return blocks;
  }

  public Standardization standardization() {
    return standardization;
  }

  public long rows() {
    return rows;
  }

  public int numFeatures() {
    return standardization.numFeatures();
  }

  /** The held-out rows as read (original scale), or null when none were held out. */
  public JavaRDD<DataBlock> testBlocks() {
    return testBlocks;
  }

  public long testRows() {
    return testRows;
  }

  @Override
  public void close() {
    blocks.unpersist(false);
    if (testBlocks != null) {
      testBlocks.unpersist(false);
    }
  }
}
