package org.sparkgd.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;

/**
 * Lays the blocks out in partitions that fit the task slots: a multiple of the cores, each
 * holding an equal share of the rows (within one), in input order, whatever the input's split
 * size brought. A CSV on the local file system splits at 32 MiB: 10 million rows come as 7
 * partitions, which 2 cores run in 4 waves every iteration. The rows move once, at caching
 * time, by one shuffle keyed by each slice's global row position; the layout then depends only
 * on the row count and the partition count, not on how the input was split: partition p of P
 * holds the rows from ⌈p·n/P⌉ (the mini-batch sampler relies on it). Input already laid out
 * so moves too: the shuffle is where the cache's lineage ends, and every iteration's tasks
 * carry that lineage. Left in place, Parquet input (which Spark SQL may split into equal
 * shares) kept its SQL scan in every task: 6–8 ms of task deserialization against 4 for CSV
 * input, and 16 ms more an iteration at 1e6 rows ({@code scripts/bench --parts processes}).
 */
public final class BalancedBlocks {
  /** The packed bytes of a partition above which the partitions double (and so on). */
  static final long PARTITION_BYTES = 1L << 30;

  private BalancedBlocks() {}

  /**
   * The partition count for the cache: a multiple of {@code cores}, at least
   * {@code minPartitions}, with at most about {@link #PARTITION_BYTES} of packed rows each.
   */
  public static int partitions(int cores, long rows, int numFeatures, int minPartitions) {
    int slots = Math.max(1, cores);
    long bytes = rows * 8L * (numFeatures + 1);
    long waves = Math.max(ceil(bytes, slots * PARTITION_BYTES), ceil(minPartitions, slots));
    return Math.toIntExact(Math.max(1, waves) * slots);
  }

  /** {@code blocks} in {@code partitions} partitions of equal rows (see the class comment). */
  public static JavaRDD<DataBlock> of(JavaRDD<DataBlock> blocks, int partitions,
      int numFeatures, int blockRows) {
    // Each partition's row count, negative when its rows carry weights (--weight).
    List<Long> signed = blocks.mapPartitions(it -> {
      long n = 0;
      boolean weights = false;
      while (it.hasNext()) {
        DataBlock block = it.next();
        n += block.rows();
        weights |= block.weights() != null;
      }
      return List.of(weights ? -n - 1 : n).iterator();
    }).collect();
    boolean weighted = signed.stream().anyMatch(n -> n < 0);
    List<Long> counts = signed.stream().map(n -> n < 0 ? -n - 1 : n).toList();
    long total = counts.stream().mapToLong(Long::longValue).sum();
    RowRanges ranges = new RowRanges(partitions, total);
    if (total == 0) {
      return blocks;
    }
    long[] starts = new long[counts.size()];
    for (int p = 1; p < starts.length; p++) {
      starts[p] = starts[p - 1] + counts.get(p - 1);
    }
    JavaPairRDD<Long, DataBlock> slices = JavaPairRDD.fromJavaRDD(blocks.mapPartitionsWithIndex(
        (p, it) -> ranges.slices(starts[p], it), true));
    return slices.repartitionAndSortWithinPartitions(ranges).values()
        .mapPartitions(it -> new BlockPacker(new SliceRows(it, numFeatures, weighted),
            numFeatures, blockRows, weighted));
  }

  private static long ceil(long a, long b) {
    return (a + b - 1) / b;
  }

  /** Row i of n goes to partition ⌊i·P/n⌋; keys are global row positions. */
  static final class RowRanges extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final int partitions;
    private final long rows;

    RowRanges(int partitions, long rows) {
      this.partitions = partitions;
      this.rows = rows;
    }

    @Override
    public int numPartitions() {
      return partitions;
    }

    @Override
    public int getPartition(Object key) {
      return partitionOf((Long) key);
    }

    int partitionOf(long row) {
      return (int) Math.min(partitions - 1, Math.multiplyExact(row, (long) partitions) / rows);
    }

    /** The first row of partition {@code t}: ⌈t·n/P⌉. */
    long firstRow(int t) {
      return t >= partitions ? rows : ceil(Math.multiplyExact((long) t, rows), partitions);
    }

    /** Cuts each block at the partitions' boundaries; a slice is keyed by its first row. */
    Iterator<Tuple2<Long, DataBlock>> slices(long start, Iterator<DataBlock> blocks) {
      List<Tuple2<Long, DataBlock>> out = new ArrayList<>();
      long row = start;
      while (blocks.hasNext()) {
        DataBlock block = blocks.next();
        int d = block.numFeatures();
        int from = 0;
        while (from < block.rows()) {
          long end = firstRow(partitionOf(row + from) + 1);
          int to = (int) Math.min(block.rows(), end - row);
          double[] weights = block.weights();
          DataBlock slice = from == 0 && to == block.rows() ? block : new DataBlock(d,
              Arrays.copyOfRange(block.features(), from * d, to * d),
              Arrays.copyOfRange(block.labels(), from, to),
              weights == null ? null : Arrays.copyOfRange(weights, from, to), null);
          out.add(new Tuple2<>(row + from, slice));
          from = to;
        }
        row += block.rows();
      }
      return out.iterator();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof RowRanges r && r.partitions == partitions && r.rows == rows;
    }

    @Override
    public int hashCode() {
      return Long.hashCode(rows) * 31 + partitions;
    }
  }

  /** The rows of a partition's slices, in order, for {@link BlockPacker}. */
  private static final class SliceRows implements RowSource {
    private final Iterator<DataBlock> slices;
    private final int numFeatures;
    /** Whether each row ends with its weight after the label, as {@link BlockPacker} packs it. */
    private final boolean weighted;
    private DataBlock current;
    private int next;

    SliceRows(Iterator<DataBlock> slices, int numFeatures, boolean weighted) {
      this.slices = slices;
      this.numFeatures = numFeatures;
      this.weighted = weighted;
    }

    @Override
    public boolean next(double[] row) {
      while (current == null || next == current.rows()) {
        if (!slices.hasNext()) {
          return false;
        }
        current = slices.next();
        next = 0;
      }
      System.arraycopy(current.features(), next * numFeatures, row, 0, numFeatures);
      row[numFeatures] = current.labels()[next];
      if (weighted) {
        row[numFeatures + 1] = current.weights()[next];
      }
      next++;
      return true;
    }
  }
}
