package org.sparkgd.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongToIntFunction;
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
 * holds the rows from ⌈p·n/P⌉ (the mini-batch sampler relies on it). What moves are slices
 * of packed blocks, not records. Input read already so laid out and packed (the Parquet
 * column reader reads each partition's row range, {@link ParquetLayout}) stays in place: no
 * shuffle. Its lineage, which every iteration's tasks carry, is a list of row ranges and a
 * broadcast's handle; Spark SQL's scan, kept in the lineage before, cost 6–8 ms of task
 * deserialization against 4 for CSV input.
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
    return of(blocks, rows -> partitions, numFeatures, blockRows);
  }

  /**
   * As above, in {@link #partitions} partitions for the rows {@code blocks} hold: the cache's
   * layout for {@code cores} task slots.
   */
  public static JavaRDD<DataBlock> forCores(JavaRDD<DataBlock> blocks, int cores,
      int numFeatures, int minPartitions) {
    return of(blocks, rows -> partitions(cores, rows, numFeatures, minPartitions), numFeatures,
        BlockPacker.defaultBlockRows(numFeatures));
  }

  private static JavaRDD<DataBlock> of(JavaRDD<DataBlock> blocks,
      LongToIntFunction partitionsFor, int numFeatures, int blockRows) {
    List<Layout> layouts = blocks.mapPartitions(
        it -> List.of(Layout.of(it, blockRows)).iterator()).collect();
    boolean weighted = layouts.stream().anyMatch(Layout::weighted);
    List<Long> counts = layouts.stream().map(Layout::rows).toList();
    long total = counts.stream().mapToLong(Long::longValue).sum();
    RowRanges ranges = new RowRanges(partitionsFor.applyAsInt(total), total);
    if (total == 0 || ranges.laidOut(layouts)) {
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

  /**
   * A partition's rows, whether they carry weights, and whether they are packed as
   * {@link BlockPacker} packs a partition: full blocks of {@code blockRows}, then one with the
   * rest, none recording skipped rows.
   */
  record Layout(long rows, boolean weighted, boolean packed) implements java.io.Serializable {
    static Layout of(Iterator<DataBlock> blocks, int blockRows) {
      long n = 0;
      boolean weights = false;
      boolean packed = true;
      boolean last = false;
      while (blocks.hasNext()) {
        DataBlock block = blocks.next();
        packed &= !last && block.rows() > 0 && block.skipped() == null;
        last = block.rows() != blockRows;
        n += block.rows();
        weights |= block.weights() != null;
      }
      return new Layout(n, weights, packed);
    }
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

    /**
     * Whether the partitions already are those the shuffle would make (the Parquet reader
     * reads them so): same count, each packed and holding its share of the rows.
     */
    boolean laidOut(List<Layout> layouts) {
      if (layouts.size() != partitions) {
        return false;
      }
      for (int t = 0; t < partitions; t++) {
        Layout layout = layouts.get(t);
        if (!layout.packed() || layout.rows() != firstRow(t + 1) - firstRow(t)) {
          return false;
        }
      }
      return true;
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
        if (block.skipped() != null) {
          // The rows dropped as bad travel on an empty slice, to be counted where it lands.
          out.add(new Tuple2<>(row, new DataBlock(d, new double[0], new double[0],
              block.weights() == null ? null : new double[0], block.skipped())));
        }
        int from = 0;
        while (from < block.rows()) {
          long end = firstRow(partitionOf(row + from) + 1);
          int to = (int) Math.min(block.rows(), end - row);
          double[] weights = block.weights();
          DataBlock slice = from == 0 && to == block.rows()
              ? new DataBlock(d, block.features(), block.labels(), weights, null)
              : new DataBlock(d, Arrays.copyOfRange(block.features(), from * d, to * d),
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
    private final SkippedRows skipped = new SkippedRows();

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
        if (current.skipped() != null) {
          skipped.merge(current.skipped());
        }
      }
      System.arraycopy(current.features(), next * numFeatures, row, 0, numFeatures);
      row[numFeatures] = current.labels()[next];
      if (weighted) {
        row[numFeatures + 1] = current.weights()[next];
      }
      next++;
      return true;
    }

    @Override
    public SkippedRows drainSkipped() {
      return skipped.drain();
    }
  }
}
