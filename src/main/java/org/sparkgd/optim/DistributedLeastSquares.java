package org.sparkgd.optim;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.sparkgd.data.TrainingData;

/**
 * The least-squares cost over the cached blocks. One evaluation is one Spark job: broadcast θ,
 * {@code treeAggregate} the partial sums of every partition, release the broadcast.
 */
public final class DistributedLeastSquares implements CostFunction {
  private final TrainingData data;
  private final JavaSparkContext jsc;
  private final int treeDepth;
  /** Null for batch gradient descent. */
  private final Double batchFraction;
  private final long seed;
  private final long maxIterations;

  /**
   * @param batchFraction the expected fraction of rows in each mini-batch, or null for full batch
   */
  public DistributedLeastSquares(TrainingData data, int treeDepth, Double batchFraction,
      long seed, long maxIterations) {
    this.data = data;
    this.jsc = JavaSparkContext.fromSparkContext(data.blocks().context());
    this.treeDepth = treeDepth;
    this.batchFraction = batchFraction;
    this.seed = seed;
    this.maxIterations = maxIterations;
  }

  @Override
  public Evaluation evaluate(double[] theta, long iteration) {
    String previousDescription = jsc.getLocalProperty("spark.job.description");
    jsc.setJobDescription("sparkgd fit: iteration " + iteration + "/" + maxIterations);
    Broadcast<double[]> broadcast = jsc.broadcast(theta.clone());
    try {
      MiniBatchSampler sampler = batchFraction == null ? null
          : new MiniBatchSampler(batchFraction, seed, iteration);
      LeastSquaresAggregator zero =
          new LeastSquaresAggregator(data.numFeatures(), broadcast, sampler);
      return data.blocks()
          .treeAggregate(zero, LeastSquaresAggregator::add, LeastSquaresAggregator::merge,
              treeDepth)
          .evaluation();
    } finally {
      broadcast.destroy();
      jsc.setJobDescription(previousDescription);
    }
  }
}
