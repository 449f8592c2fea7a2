package org.sparkgd.engine;

import java.io.Serializable;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.sparkgd.data.DataBlock;
import scala.collection.Iterator;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction2;

/**
 * One pass as one single-stage job: each task folds its partition's blocks into its own copy
 * of an aggregator, and the driver merges the partitions' results in partition order. The task
 * function is a named class, not a Java lambda: Spark wraps a lambda given to the Java API in
 * Scala closures that its ClosureCleaner re-reads on every job, which cost an empty job about
 * 6 ms here ({@code scripts/bench --parts breakdown}: foreachPartition 11.7 ms against runJob
 * with a named function 5.8 ms).
 */
final class PartitionJob {
  private PartitionJob() {}

  static LeastSquaresAggregator sum(JavaRDD<DataBlock> blocks, LeastSquaresAggregator zero,
      LeastSquaresAggregator total) {
    LeastSquaresAggregator[] partitions = (LeastSquaresAggregator[]) blocks.context().runJob(
        blocks.rdd(), new PartitionSums(zero),
        ClassTag$.MODULE$.apply(LeastSquaresAggregator.class));
    for (LeastSquaresAggregator partition : partitions) {
      total.merge(partition);
    }
    return total;
  }

  /** A task: its partition's blocks folded into the (deserialized, so private) zero. */
  private static final class PartitionSums
      extends AbstractFunction2<TaskContext, Iterator<DataBlock>, LeastSquaresAggregator>
      implements Serializable {
    private static final long serialVersionUID = 1L;
    private final LeastSquaresAggregator zero;

    PartitionSums(LeastSquaresAggregator zero) {
      this.zero = zero;
    }

    @Override
    public LeastSquaresAggregator apply(TaskContext context, Iterator<DataBlock> blocks) {
      LeastSquaresAggregator sums = zero;
      while (blocks.hasNext()) {
        sums = sums.add(blocks.next());
      }
      return sums;
    }
  }
}
