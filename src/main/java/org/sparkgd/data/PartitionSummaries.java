package org.sparkgd.data;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function0;
import org.apache.spark.api.java.function.Function2;

/**
 * One summary per partition, merged on the driver in partition order. treeAggregate merges in
 * the order tasks finish; with floating-point sums that order shows in the last bits. For
 * summaries computed once per fit (statistics, the Gram matrix) a fixed order is worth the
 * collect, and makes them repeat bit for bit.
 */
public final class PartitionSummaries {
  private PartitionSummaries() {}

  public static <S> S mergeInOrder(JavaRDD<DataBlock> blocks, Function0<S> zero,
      Function2<S, DataBlock, S> add, Function2<S, S, S> merge) {
    List<S> partitions = blocks.mapPartitions(it -> {
      S partial = zero.call();
      while (it.hasNext()) {
        partial = add.call(partial, it.next());
      }
      return List.of(partial).iterator();
    }).collect();
    return merge(partitions, zero, merge);
  }

  /** {@code partials} merged on the driver in their order, from {@code zero}. */
  public static <S> S merge(List<S> partials, Function0<S> zero, Function2<S, S, S> merge) {
    try {
      S total = zero.call();
      for (S partial : partials) {
        total = merge.call(total, partial);
      }
      return total;
    } catch (Exception e) {
      throw new IllegalStateException("merging partition summaries failed", e);
    }
  }
}
