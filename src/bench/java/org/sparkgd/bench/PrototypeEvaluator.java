package org.sparkgd.bench;

import java.io.Serializable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.sparkgd.data.DataBlock;
import org.sparkgd.data.TrainingData;
import org.sparkgd.engine.MiniBatchSampler;
import org.sparkgd.optim.CostFunction;
import org.sparkgd.optim.Evaluation;
import scala.collection.Iterator;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction2;

/**
 * A scratch copy of {@code engine.LeastSquaresLoss} whose every per-iteration choice is a
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

  /** How the partitions' partial sums come back to the driver. */
  enum Aggregation {
    /** {@code treeAggregate} at the variant's depth: what the evaluator does. */
    TREE_AGGREGATE,
    /**
     * {@code RDD.treeAggregate} called with named Scala function classes instead of Java lambdas
     * (which JavaRDD wraps in Scala closures that Spark's ClosureCleaner inspects every job).
     */
    TREE_AGGREGATE_NAMED,
    /** {@code aggregate}: every task's sums merged on the driver, never a shuffle stage. */
    AGGREGATE,
    /**
     * {@code SparkContext.runJob} with a named function class, merged on the driver: the same
     * job as {@code aggregate}, without the Scala closures Spark wraps around Java functions,
     * which its ClosureCleaner re-reads from their class files (ASM) on every job.
     */
    RUN_JOB
  }

  /**
   * @param treeDepth depth of treeAggregate (used with {@link Aggregation#TREE_AGGREGATE})
   * @param coalesceTo read the cached partitions through this many tasks (0: one per partition)
   * @param genericLoop the loop before {@code ResidualSums}: one inner loop over an unknown d
   */
  record Variant(String name, ThetaDelivery theta, Aggregation aggregation, int treeDepth,
      int coalesceTo, boolean genericLoop) {
    /** @param treeDepth the evaluator's --tree-depth; 0 (auto) is timed as the old default, 2 */
    static Variant asIs(int treeDepth) {
      return new Variant("as the evaluator is", ThetaDelivery.BROADCAST,
          Aggregation.TREE_AGGREGATE, treeDepth > 0 ? treeDepth : 2, 0, false);
    }

    Variant named(String newName) {
      return new Variant(newName, theta, aggregation, treeDepth, coalesceTo, genericLoop);
    }

    Variant with(ThetaDelivery newTheta) {
      return new Variant(name, newTheta, aggregation, treeDepth, coalesceTo, genericLoop);
    }

    Variant with(Aggregation newAggregation) {
      return new Variant(name, theta, newAggregation, treeDepth, coalesceTo, genericLoop);
    }

    Variant coalescedTo(int tasks) {
      return new Variant(name, theta, aggregation, treeDepth, tasks, genericLoop);
    }

    Variant withGenericLoop() {
      return new Variant(name, theta, aggregation, treeDepth, coalesceTo, true);
    }
  }

  /** One task's partial sums, as a named class: Spark's ClosureCleaner leaves it alone. */
  private static final class PartitionSums
      extends AbstractFunction2<TaskContext, Iterator<DataBlock>, PrototypeAggregator>
      implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Deserialized afresh in every task, so each task sums into its own copy. */
    private final PrototypeAggregator zero;

    PartitionSums(PrototypeAggregator zero) {
      this.zero = zero;
    }

    @Override
    public PrototypeAggregator apply(TaskContext context, Iterator<DataBlock> blocks) {
      PrototypeAggregator sums = zero;
      while (blocks.hasNext()) {
        sums = sums.add(blocks.next());
      }
      return sums;
    }
  }

  /** The seqOp as a named class: nothing for the ClosureCleaner to read. */
  private static final class AddBlock
      extends AbstractFunction2<PrototypeAggregator, DataBlock, PrototypeAggregator>
      implements Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public PrototypeAggregator apply(PrototypeAggregator sums, DataBlock block) {
      return sums.add(block);
    }
  }

  /** The combOp as a named class. */
  private static final class Merge
      extends AbstractFunction2<PrototypeAggregator, PrototypeAggregator, PrototypeAggregator>
      implements Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public PrototypeAggregator apply(PrototypeAggregator a, PrototypeAggregator b) {
      return a.merge(b);
    }
  }

  private final Variant variant;
  private final JavaSparkContext jsc;
  private final JavaRDD<DataBlock> blocks;
  private final int numFeatures;
  private final long rows;
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
    this.rows = data.rows();
    this.batchFraction = batchFraction;
    this.seed = seed;
  }

  Variant variant() {
    return variant;
  }

  /** One point a pass: the breakdown times the single-model iteration. */
  @Override
  public Evaluation[] evaluate(double[][] points, long pass) {
    if (points.length != 1) {
      throw new IllegalArgumentException("the prototype evaluates one point a pass");
    }
    return new Evaluation[] {evaluate(points[0], pass)};
  }

  @Override
  public Evaluation evaluate(double[] theta, long iteration) {
    jsc.setJobDescription("sparkgd bench: " + variant.name() + ", iteration " + iteration);
    MiniBatchSampler sampler = batchFraction == null ? null
        : new MiniBatchSampler(batchFraction, seed, iteration, rows, blocks.getNumPartitions());
    boolean broadcasting = variant.theta() != ThetaDelivery.IN_TASK;
    Broadcast<double[]> broadcast = broadcasting ? jsc.broadcast(theta.clone()) : null;
    try {
      PrototypeAggregator zero = new PrototypeAggregator(numFeatures, broadcast,
          broadcasting ? null : theta.clone(), sampler, variant.genericLoop());
      return switch (variant.aggregation()) {
        case TREE_AGGREGATE -> blocks.treeAggregate(zero, PrototypeAggregator::add,
            PrototypeAggregator::merge, variant.treeDepth()).evaluation();
        case TREE_AGGREGATE_NAMED -> blocks.rdd().treeAggregate(zero, new AddBlock(),
            new Merge(), variant.treeDepth(),
            ClassTag$.MODULE$.apply(PrototypeAggregator.class)).evaluation();
        case AGGREGATE -> blocks.aggregate(zero, PrototypeAggregator::add,
            PrototypeAggregator::merge).evaluation();
        case RUN_JOB -> runJob(zero).evaluation();
      };
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

  /** Every partition's sums, merged exactly on the driver (so in any order). */
  private PrototypeAggregator runJob(PrototypeAggregator zero) {
    PrototypeAggregator[] partitions = (PrototypeAggregator[]) jsc.sc().runJob(blocks.rdd(),
        new PartitionSums(zero), ClassTag$.MODULE$.apply(PrototypeAggregator.class));
    PrototypeAggregator total = partitions[0];
    for (int p = 1; p < partitions.length; p++) {
      total = total.merge(partitions[p]);
    }
    return total;
  }

  @Override
  public void close() {
    releaser.shutdown();
  }
}
