package org.sparkgd.data;

import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;
import org.sparkgd.UserError;
import org.sparkgd.config.InputFormat;
import org.sparkgd.config.InputSpec;
import org.sparkgd.formula.Design;

/**
 * The standardized training rows, packed into blocks and cached once for every iteration of a
 * fit, with the statistics used to standardize them; and, when a share of the rows is held out,
 * the test rows, cached as read (original scale). Close it to release the caches.
 */
public final class TrainingData implements AutoCloseable {
  private final JavaRDD<DataBlock> blocks;
  private final Standardization standardization;
  private final long rows;
  private final SkippedRows skipped;
  /** Null when no rows are held out. */
  private final JavaRDD<DataBlock> testBlocks;
  private final long testRows;
  /** The formula's design the rows were expanded by, or null for the simple form. */
  private Design design;
  /** Whether the rows carry weights (--weight). */
  private boolean weighted;

  private final boolean intercept;

  private TrainingData(JavaRDD<DataBlock> blocks, Standardization standardization, long rows,
      SkippedRows skipped, JavaRDD<DataBlock> testBlocks, long testRows, boolean intercept) {
    this.intercept = intercept;
    this.blocks = blocks;
    this.standardization = standardization;
    this.rows = rows;
    this.skipped = skipped;
    this.testBlocks = testBlocks;
    this.testRows = testRows;
  }

  /** Reads the input once (CSV or Parquet), standardizes it and caches the blocks. */
  public static TrainingData load(SparkContext spark, InputSpec spec) {
    return load(spark, spec, InputFiles.list(spark.hadoopConfiguration(),
        spec.path()), null);
  }

  /**
   * As {@link #load(SparkContext, InputSpec)}, with the input's files already listed, holding
   * out the rows {@code split} picks (null: none) before anything is computed from the data.
   * With a formula, a first pass finds the columns' kinds and levels (the design).
   */
  public static TrainingData load(SparkContext spark, InputSpec spec, InputFiles files,
      HoldOutSplit split) {
    return load(spark, spec, files, split, null);
  }

  /**
   * As above, first telling {@code beforeCaching} the cache's size ({@link CacheSize}): once the
   * header or schema has the columns asked for (a wrong column is the first thing to fix), before
   * any row is read, or with a formula after its design's first pass. It may refuse by
   * throwing. Null: the size is not worked out.
   */
  public static TrainingData load(SparkContext spark, InputSpec spec, InputFiles files,
      HoldOutSplit split, Consumer<CacheSize> beforeCaching) {
    Design design = spec.formula() == null ? null
        : DesignScan.resolve(spark, spec, files, parquet(spec, files));
    JavaRDD<DataBlock> raw = read(spark, spec, files, design); // checks the columns, reads no row
    if (beforeCaching != null) {
      beforeCaching.accept(CacheSize.of(spark.hadoopConfiguration(), spec,
          files, design, spark.defaultParallelism()));
    }
    // Plain Parquet columns are read in the cache's layout (the column reader): their
    // statistics come with the count. A formula's Parquet goes through Spark SQL's rows.
    boolean summarizeWhileCounting = parquet(spec, files) && design == null && split == null;
    TrainingData data = design != null
        ? fromRaw(raw, design.columnNames(), design.label(), spec.path(), split,
            design.intercept(), spec.minPartitions(), summarizeWhileCounting)
        : fromRaw(raw, spec.features(), spec.label(), spec.path(), split, !spec.noIntercept(),
            spec.minPartitions(), summarizeWhileCounting);
    data.design = design;
    return checkWeights(data, spec);
  }

  /**
   * The training rows as read (original scale, expanded by {@code design} when not null), read
   * from the input again and not cached: for the refinement passes of {@code --solver normal}
   * and of an ill-conditioned design, which the standardized cache cannot serve (its rounding
   * is what limits them).
   */
  public static JavaRDD<DataBlock> reread(SparkContext spark, InputSpec spec, InputFiles files,
      HoldOutSplit split, Design design) {
    JavaRDD<DataBlock> raw = read(spark, spec, files, design);
    return split == null ? raw : keep(raw, split, false);
  }

  static boolean parquet(InputSpec spec, InputFiles files) {
    return spec.format() == InputFormat.PARQUET
        || (spec.format() == InputFormat.AUTO && files.looksLikeParquet());
  }

  private static JavaRDD<DataBlock> read(SparkContext spark, InputSpec spec, InputFiles files,
      Design design) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark);
    boolean parquet = parquet(spec, files);
    if (design != null) {
      return parquet
          ? ParquetBlockReader.read(spark, files, design, spec.weight(), spec.minPartitions(),
              spec.onBadRows())
          : CsvBlockReader.read(jsc, files, spec.delimiter(), design, spec.weight(),
              spec.minPartitions(), spec.onBadRows());
    }
    return parquet
        ? ParquetBlockReader.read(spark, files, spec.features(), spec.label(), spec.weight(),
            spec.minPartitions(), spec.onBadRows())
        : CsvBlockReader.read(jsc, files, spec.delimiter(), spec.features(), spec.label(),
            spec.weight(), spec.minPartitions(), spec.onBadRows());
  }

  /** With --weight, the training rows must weigh something; else the caches are released. */
  private static TrainingData checkWeights(TrainingData data, InputSpec spec) {
    return spec.weight() != null ? data.weightedBy(spec.weight(), spec.path()) : data;
  }

  /**
   * Marks the rows as weighted by {@code column} (their blocks carry the weights) once their
   * total is checked positive; else the caches are released.
   */
  public TrainingData weightedBy(String column, String source) {
    try {
      RowWeights.requirePositiveTotal(blocks, column, source);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    weighted = true;
    return this;
  }

  /** All rows of {@code raw} are training rows. */
  public static TrainingData fromRaw(JavaRDD<DataBlock> raw, List<String> features,
      String label, String source) {
    return fromRaw(raw, features, label, source, null);
  }

  /**
   * Caches the raw blocks for the statistics pass, then the standardized training blocks (and
   * the raw test blocks); the raw cache is dropped once those are complete, so the input is
   * parsed once. The statistics come from the training rows only.
   */
  public static TrainingData fromRaw(JavaRDD<DataBlock> raw, List<String> features,
      String label, String source, HoldOutSplit split) {
    return fromRaw(raw, features, label, source, split, true, 0);
  }

  /**
   * As above. Without an intercept the columns are only scaled, not centered, so that the origin
   * stays the origin. The training rows are first laid out as the cache keeps them
   * ({@link BalancedBlocks#forCores}: partitions of equal rows, a multiple of the cores, at least
   * {@code minPartitions}), and the statistics computed over that layout: they, and so the fit,
   * do not depend on how the input was split.
   */
  public static TrainingData fromRaw(JavaRDD<DataBlock> raw, List<String> features,
      String label, String source, HoldOutSplit split, boolean intercept, int minPartitions) {
    return fromRaw(raw, features, label, source, split, intercept, minPartitions, false);
  }

  /**
   * As above; {@code summarizeWhileCounting}: the input is likely laid out as the cache keeps it
   * already, so the job counting its rows also computes their statistics (saving a pass; the
   * same bits; a pass of their own, and a wasted summary, when it was not laid out after all:
   * a schema the column reader does not take, or rows dropped as bad).
   */
  private static TrainingData fromRaw(JavaRDD<DataBlock> raw, List<String> features,
      String label, String source, HoldOutSplit split, boolean intercept, int minPartitions,
      boolean summarizeWhileCounting) {
    int numFeatures = features.size();
    raw.setName("sparkgd raw input: " + source).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      // Laid out from the raw cache, not cached itself: the statistics (unless the counting
      // job computed them) read slices of the raw blocks, the standardized cache is packed
      // from them (at most two copies of the rows are held at a time).
      BalancedBlocks.Layout training = BalancedBlocks.forCores(
          split == null ? raw : keep(raw, split, false), raw.context().defaultParallelism(),
          numFeatures, minPartitions, summarizeWhileCounting);
      ColumnStatistics stats = training.statistics() != null ? training.statistics()
          : statistics(training.slices(), numFeatures);
      check(stats, source, split);
      List<String> columns = new java.util.ArrayList<>(features);
      columns.add(label);
      Standardization standardization = intercept ? Standardization.of(stats, columns)
          : Standardization.uncentered(stats, columns);
      JavaRDD<DataBlock> test = null;
      long testRows = 0;
      if (split != null) {
        test = keep(raw, split, true);
        test.setName("sparkgd held-out test blocks: " + source)
            .persist(StorageLevel.MEMORY_AND_DISK());
        testRows = test.map(b -> (long) b.rows()).fold(0L, Long::sum);
      }
      // Blocks the layout packed anew are standardized where they are, not copied once more.
      JavaRDD<DataBlock> blocks = training.repacked()
          ? training.packed().map(standardization::applyInPlace)
          : training.packed().map(standardization::apply);
      blocks.setName("sparkgd standardized blocks: " + source)
          .persist(StorageLevel.MEMORY_AND_DISK());
      blocks.count();
      return new TrainingData(blocks, standardization, stats.count(), stats.skipped(), test,
          testRows, intercept);
    } finally {
      raw.unpersist(false);
    }
  }

  private static void check(ColumnStatistics stats, String source, HoldOutSplit split) {
    String heldOut = split == null ? "" : " after holding out --test-fraction "
        + split.fraction() + " of the rows";
    if (stats.count() == 0 && stats.skipped().count() > 0) {
      throw new UserError(source + ": all " + stats.skipped().count() + " data rows are bad, "
          + "e.g. " + stats.skipped().examples().get(0));
    }
    if (stats.count() == 0) {
      throw new UserError(source + ": no data rows" + (split == null ? " (only a header?)"
          : heldOut));
    }
    if (stats.count() < 2) {
      throw new UserError(source + ": a single data row" + heldOut
          + "; standardizing needs at least 2");
    }
  }

  private static JavaRDD<DataBlock> keep(JavaRDD<DataBlock> raw, HoldOutSplit split,
      boolean test) {
    return raw.map(b -> split.keep(b, test)).filter(b -> b.rows() > 0 || b.skipped() != null);
  }

  private static ColumnStatistics statistics(JavaRDD<DataBlock> raw, int numFeatures) {
    return PartitionSummaries.mergeInOrder(raw, () -> new ColumnStatistics(numFeatures + 1),
        ColumnStatistics::add, ColumnStatistics::merge);
  }

  public JavaRDD<DataBlock> blocks() {
    return blocks;
  }

  /** The formula's design, or null when the rows were read by label and features. */
  public Design design() {
    return design;
  }

  /** False for a fit through the origin (its standardization does not center). */
  /** Whether the rows carry weights (--weight). */
  public boolean weighted() {
    return weighted;
  }

  public boolean intercept() {
    return intercept;
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
