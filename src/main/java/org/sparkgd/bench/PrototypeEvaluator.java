package org.sparkgd.bench;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.sparkgd.data.DataBlock;
import org.sparkgd.data.TrainingData;
import org.sparkgd.optim.CostFunction;
import org.sparkgd.optim.Evaluation;
import org.sparkgd.optim.MiniBatchSampler;

/**
 * A scratch copy of {@code optim.DistributedLeastSquares} whose every per-iteration choice is a
 * knob, so the breakdown can measure what each one costs. With the default variant it does what
 * the real evaluator does; the breakdown checks that both give the same cost and gradient.
 */
final class PrototypeEvaluator implements CostFunction, AutoCloseable {
  /** How θ reaches the tasks, and how it is released. */
  enum ThetaDelivery {
    /** Broadcast, then {@code destroy()} (non-blocking): what the evaluator does. */
    BROADCAST,
    /** Broadcast, then {@code destroy(true)}: wait until every executor dropped it. */
    BROADCAST_BLOCKING_DESTROY,
    /** Broadcast, destroyed by a background thread, so the driver does not wait for it. */
    BROADCAST_ASYNC_DESTROY,
    /** In the aggregator's zero value, serialized into each task: no broadcast to release. */
    IN_TASK
  }

  /**
   * @param treeDepth depth of treeAggregate; 1 means a plain aggregate (no shuffle stage)
   * @param coalesceTo read the cached partitions through this many tasks (0: one per partition)
   * @param localAccumulators the block loop with locals instead of the aggregator's row loop
   */
  record Variant(String name, ThetaDelivery theta, int treeDepth, int coalesceTo,
      boolean localAccumulators) {
    static Variant asIs(int treeDepth) {
      return new Variant("as the evaluator is", ThetaDelivery.BROADCAST, treeDepth, 0, false);
    }

    Variant named(String newName) {
      return new Variant(newName, theta, treeDepth, coalesceTo, localAccumulators);
    }

    Variant with(ThetaDelivery newTheta) {
      return new Variant(name, newTheta, treeDepth, coalesceTo, localAccumulators);
    }

    Variant withTreeDepth(int depth) {
      return new Variant(name, theta, depth, coalesceTo, localAccumulators);
    }

    Variant coalescedTo(int tasks) {
      return new Variant(name, theta, treeDepth, tasks, localAccumulators);
    }

    Variant withLocalAccumulators() {
      return new Variant(name, theta, treeDepth, coalesceTo, true);
    }
  }

  private final Variant variant;
  private final JavaSparkContext jsc;
  private final JavaRDD<DataBlock> blocks;
  private final int numFeatures;
  private final Double batchFraction;
  private final long seed;
  private final ExecutorService releaser = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "bench-broadcast-release");
    t.setDaemon(true);
    return t;
  });

  PrototypeEvaluator(TrainingData data, Variant variant, Double batchFraction, long seed) {
    this.variant = variant;
    this.jsc = JavaSparkContext.fromSparkContext(data.blocks().context());
    this.blocks = variant.coalesceTo() > 0
        && variant.coalesceTo() < data.blocks().getNumPartitions()
        ? data.blocks().coalesce(variant.coalesceTo()) : data.blocks();
    this.numFeatures = data.numFeatures();
    this.batchFraction = batchFraction;
    this.seed = seed;
  }

  Variant variant() {
    return variant;
  }

  @Override
  public Evaluation evaluate(double[] theta, long iteration) {
    jsc.setJobDescription("sparkgd bench: " + variant.name() + ", iteration " + iteration);
    MiniBatchSampler sampler = batchFraction == null ? null
        : new MiniBatchSampler(batchFraction, seed, iteration);
    boolean broadcasting = variant.theta() != ThetaDelivery.IN_TASK;
    Broadcast<double[]> broadcast = broadcasting ? jsc.broadcast(theta.clone()) : null;
    try {
      PrototypeAggregator zero = new PrototypeAggregator(numFeatures, broadcast,
          broadcasting ? null : theta.clone(), sampler, variant.localAccumulators());
      PrototypeAggregator total = variant.treeDepth() == 1
          ? blocks.aggregate(zero, PrototypeAggregator::add, PrototypeAggregator::merge)
          : blocks.treeAggregate(zero, PrototypeAggregator::add, PrototypeAggregator::merge,
              variant.treeDepth());
      return total.evaluation();
    } finally {
      if (broadcast != null) {
        switch (variant.theta()) {
          case BROADCAST_BLOCKING_DESTROY -> broadcast.destroy(true);
          case BROADCAST_ASYNC_DESTROY -> releaser.execute(broadcast::destroy);
          default -> broadcast.destroy();
        }
      }
      jsc.setJobDescription(null);
    }
  }

  @Override
  public void close() {
    releaser.shutdown();
  }
}
