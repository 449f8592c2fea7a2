package org.sparkgd.engine;

import java.util.function.LongFunction;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.sparkgd.data.DataBlock;
import org.sparkgd.data.PartitionSummaries;
import org.sparkgd.data.TrainingData;
import org.sparkgd.optim.CostFunction;
import org.sparkgd.optim.Evaluation;
import org.sparkgd.stats.QrAccumulator;

/**
 * The least-squares cost over the cached blocks. One evaluation is one Spark job: broadcast θ,
 * sum every partition's rows, merge the partitions' partial sums (on the driver, or by a
 * {@code treeAggregate}: {@link Aggregation}), release the broadcast.
 */
public final class LeastSquaresLoss implements CostFunction {
  private final TrainingData data;
  private final JavaSparkContext jsc;
  /** The tree depth asked for, or {@link Aggregation#AUTO}. */
  private final int treeDepth;
  /** Null for batch gradient descent. */
  private final Double batchFraction;
  private final long seed;
  private final long maxIterations;
  /** The cached blocks a pass reads: the data's own, unless a test decorates them. */
  private LongFunction<JavaRDD<DataBlock>> blocksForPass;
  /** False for a fit through the origin: the intercept's gradient is 0, so it stays at 0. */
  private boolean intercept = true;

  /**
   * @param batchFraction the expected fraction of rows in each mini-batch, or null for full batch
   */
  public LeastSquaresLoss(TrainingData data, int treeDepth, Double batchFraction,
      long seed, long maxIterations) {
    this.data = data;
    this.jsc = JavaSparkContext.fromSparkContext(data.blocks().context());
    this.treeDepth = treeDepth;
    this.batchFraction = batchFraction;
    this.seed = seed;
    this.maxIterations = maxIterations;
    this.blocksForPass = pass -> data.blocks();
  }

  /** Fits through the origin: masks the intercept's gradient component. */
  public LeastSquaresLoss withoutIntercept() {
    this.intercept = false;
    return this;
  }

  /** Reads each pass's blocks through {@code decorate} (for fault injection in tests). */
  public LeastSquaresLoss decorated(
      java.util.function.BiFunction<JavaRDD<DataBlock>, Long, JavaRDD<DataBlock>> decorate) {
    LongFunction<JavaRDD<DataBlock>> plain = blocksForPass;
    blocksForPass = pass -> decorate.apply(plain.apply(pass), pass);
    return this;
  }

  /**
   * The QR factor of the cached weighted rows, [1 Z | y] (or [Z | y] through the origin), in
   * one pass: the exact reference, the safe step, the refinement and inference all come from
   * it. Partitions' factors are merged on the driver in partition order (not in the order
   * tasks finish), so what is derived from it repeats bit for bit.
   */
  public QrAccumulator factor() {
    int d = data.numFeatures();
    boolean withIntercept = data.intercept();
    try (JobLabel label = JobLabel.of(jsc, "exact reference (QR factor)")) {
      return PartitionSummaries.mergeInOrder(data.blocks(),
          () -> new QrAccumulator(d, withIntercept),
          (qr, block) -> qr.addRows(block.features(), block.labels(), block.weights()),
          QrAccumulator::merge);
    }
  }

  @Override
  public Evaluation[] evaluate(double[][] points, long pass) {
    // One pass per iteration, except for backtracking's retried steps.
    try (JobLabel label = JobLabel.of(jsc, "iteration " + pass + "/"
        + maxIterations)) {
      double[][] copies = new double[points.length][];
      for (int m = 0; m < points.length; m++) {
        copies[m] = points[m].clone();
      }
      Broadcast<double[][]> broadcast = jsc.broadcast(copies);
      try {
        return sum(broadcast, points.length, pass);
      } finally {
        broadcast.destroy();
      }
    }
  }

  /** One pass at the broadcast points. */
  private Evaluation[] sum(Broadcast<double[][]> broadcast, int numPoints, long pass) {
    int d = data.numFeatures();
    JavaRDD<DataBlock> blocks = blocksForPass.apply(pass);
    MiniBatchSampler sampler = batchFraction == null ? null
        : new MiniBatchSampler(batchFraction, seed, pass, data.rows(), blocks.getNumPartitions());
    int depth = Aggregation.depth(treeDepth, blocks.getNumPartitions(), numPoints * (d + 2));
    LeastSquaresAggregator zero = new LeastSquaresAggregator(d, numPoints, broadcast, sampler);
    Evaluation[] evaluations = depth == 0
        ? PartitionJob.sum(blocks, zero,
            new LeastSquaresAggregator(d, numPoints, broadcast, sampler)).evaluations()
        : blocks.treeAggregate(zero, LeastSquaresAggregator::add,
            LeastSquaresAggregator::merge, depth).evaluations();
    if (!intercept) {
      for (Evaluation e : evaluations) {
        e.gradient()[0] = 0; // through the origin: the intercept stays at 0
      }
    }
    return evaluations;
  }
}
