package org.sparkgd.data;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongToIntFunction;
import org.apache.spark.api.java.JavaRDD;

/**
 * Lays the blocks out in partitions that fit the task slots: a multiple of the cores, each
 * holding an equal share of the rows (within one), in input order, whatever the input's split
 * size brought. A CSV on the local file system splits at 32 MiB: 10 million rows come as 7
 * partitions, which 2 cores run in 4 waves every iteration. The layout depends only on the row
 * count and the partition count, not on how the input was split: partition p of P holds the
 * rows from ⌈p·n/P⌉ (the mini-batch sampler relies on it).
 *
 * <p>No row goes through a shuffle. Each new partition reads the input's partitions that hold
 * its rows (a narrow dependency, {@link LayoutRDD}) and repacks its slice of them; the input is
 * cached, so a partition read by two neighbours is read from memory twice, not parsed twice. A
 * shuffle wrote every row through Java serialization to disk and back: 2.1 of the 6.4 s that
 * read and cached 10⁷ CSV rows (Spark's event log). Input read already so laid out and packed
 * (the Parquet column reader reads each partition's row range, {@link ParquetLayout}) stays as
 * it is.
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
    return layOut(blocks, partitions, numFeatures, blockRows, false).packed();
  }

  /** {@code blocks} laid out in {@code partitions} partitions of equal rows. */
  static Layout layOut(JavaRDD<DataBlock> blocks, int partitions, int numFeatures,
      int blockRows, boolean summarize) {
    return layOut(blocks, rows -> partitions, numFeatures, blockRows, summarize);
  }

  /**
   * {@code blocks} laid out in {@link #partitions} partitions for the rows they hold: the cache's
   * layout for {@code cores} task slots. Counts each input partition's rows (one job); with
   * {@code summarize}, for input that is likely laid out already (the Parquet column reader's),
   * the same job computes the rows' column statistics ({@link Layout#statistics}).
   */
  public static Layout forCores(JavaRDD<DataBlock> blocks, int cores, int numFeatures,
      int minPartitions, boolean summarize) {
    return layOut(blocks, rows -> partitions(cores, rows, numFeatures, minPartitions),
        numFeatures, BlockPacker.defaultBlockRows(numFeatures), summarize);
  }

  private static Layout layOut(JavaRDD<DataBlock> blocks, LongToIntFunction partitionsFor,
      int numFeatures, int blockRows, boolean summarize) {
    int columns = summarize ? numFeatures + 1 : 0;
    List<Shape> shapes = blocks.mapPartitions(
        it -> List.of(Shape.of(it, blockRows, columns)).iterator()).collect();
    boolean weighted = shapes.stream().anyMatch(Shape::weighted);
    List<Long> counts = shapes.stream().map(Shape::rows).toList();
    long total = counts.stream().mapToLong(Long::longValue).sum();
    RowRanges ranges = new RowRanges(partitionsFor.applyAsInt(total), total);
    if (total == 0 || ranges.laidOut(shapes)) {
      // Merged as a pass over the laid-out rows merges them (PartitionSummaries).
      ColumnStatistics statistics = summarize ? PartitionSummaries.merge(
          shapes.stream().map(Shape::statistics).toList(),
          () -> new ColumnStatistics(columns), ColumnStatistics::merge) : null;
      return new Layout(blocks, blocks, statistics);
    }
    long[] starts = new long[counts.size()];
    for (int p = 1; p < starts.length; p++) {
      starts[p] = starts[p - 1] + counts.get(p - 1);
    }
    List<int[]> sources = ranges.sources(starts, counts);
    // The first row of each layout partition's first input partition (0 when it reads none).
    long[] readFrom = sources.stream().mapToLong(from -> from.length == 0 ? 0 : starts[from[0]])
        .toArray();
    JavaRDD<DataBlock> slices = JavaRDD.fromRDD(new LayoutRDD(blocks.rdd(), sources,
        (t, it) -> ranges.slicesOf(t, readFrom[t], it)), blocks.classTag());
    return new Layout(slices, slices.mapPartitions(it -> new BlockPacker(new SliceRows(it,
        numFeatures, weighted), numFeatures, blockRows, weighted)), null);
  }

  /**
   * Blocks laid out for the cache. {@link #slices} are the layout's partitions as slices of the
   * input's blocks (the input's arrays, but for a block cut at a partition boundary, whose part
   * is copied): for a pass that reads each row once in order, as the statistics do.
   * {@link #packed} are the same rows packed as the cache keeps them; {@link #repacked} says
   * whether those blocks are new at each computation (so that a pass may change them in place)
   * or the input's own.
   */
  public static final class Layout {
    private final JavaRDD<DataBlock> slices;
    /** The slices packed; the input itself when it is laid out already. */
    private final JavaRDD<DataBlock> packed;
    private final ColumnStatistics statistics;

    private Layout(JavaRDD<DataBlock> slices, JavaRDD<DataBlock> packed,
        ColumnStatistics statistics) {
      this.slices = slices;
      this.packed = packed;
      this.statistics = statistics;
    }

    /**
     * The rows' column statistics when the counting job computed them (asked for, and the
     * input laid out already), else null: the same, bit for bit, as a pass over
     * {@link #slices}.
     */
    public ColumnStatistics statistics() {
      return statistics;
    }

    public JavaRDD<DataBlock> slices() {
      return slices;
    }

    public JavaRDD<DataBlock> packed() {
      return packed;
    }

    public boolean repacked() {
      return packed != slices;
    }
  }

  /**
   * A partition's rows, whether they carry weights, and whether they are packed as
   * {@link BlockPacker} packs a partition: full blocks of {@code blockRows}, then one with the
   * rest, none recording skipped rows.
   */
  record Shape(long rows, boolean weighted, boolean packed, ColumnStatistics statistics)
      implements Serializable {
    /** With {@code columns} above 0, also the blocks' column statistics. */
    static Shape of(Iterator<DataBlock> blocks, int blockRows, int columns) {
      ColumnStatistics statistics = columns > 0 ? new ColumnStatistics(columns) : null;
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
        if (statistics != null) {
          statistics.add(block);
        }
      }
      return new Shape(n, weights, packed, statistics);
    }
  }

  private static long ceil(long a, long b) {
    return (a + b - 1) / b;
  }

  /** Row i of n goes to partition ⌊i·P/n⌋. */
  static final class RowRanges implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int partitions;
    private final long rows;

    RowRanges(int partitions, long rows) {
      this.partitions = partitions;
      this.rows = rows;
    }

    int partitionOf(long row) {
      return (int) Math.min(partitions - 1, Math.multiplyExact(row, (long) partitions) / rows);
    }

    /**
     * Whether the partitions already are those the shuffle would make (the Parquet reader
     * reads them so): same count, each packed and holding its share of the rows.
     */
    boolean laidOut(List<Shape> shapes) {
      if (shapes.size() != partitions) {
        return false;
      }
      for (int t = 0; t < partitions; t++) {
        Shape shape = shapes.get(t);
        if (!shape.packed() || shape.rows() != firstRow(t + 1) - firstRow(t)) {
          return false;
        }
      }
      return true;
    }

    /** The first row of partition {@code t}: ⌈t·n/P⌉. */
    long firstRow(int t) {
      return t >= partitions ? rows : ceil(Math.multiplyExact((long) t, rows), partitions);
    }

    /**
     * For each partition of the layout, the input partitions it reads: those holding its rows,
     * and those whose dropped rows it counts. Rows dropped as bad are counted in the partition
     * of the row position where they were dropped (the input partition's end at most).
     */
    List<int[]> sources(long[] starts, List<Long> counts) {
      List<List<Integer>> lists = new ArrayList<>();
      for (int t = 0; t < partitions; t++) {
        lists.add(new ArrayList<>());
      }
      for (int p = 0; p < starts.length; p++) {
        for (int t = partitionOf(starts[p]); t <= partitionOf(starts[p] + counts.get(p)); t++) {
          lists.get(t).add(p);
        }
      }
      return lists.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toList();
    }

    /**
     * The slices of {@code blocks} (whose first row is {@code start}) that partition {@code t}
     * holds: each block cut at the partitions' boundaries, a block's dropped rows on an empty
     * slice of their own.
     */
    Iterator<DataBlock> slicesOf(int t, long start, Iterator<DataBlock> blocks) {
      List<DataBlock> out = new ArrayList<>();
      long first = firstRow(t);
      long end = firstRow(t + 1);
      long row = start;
      while (blocks.hasNext()) {
        DataBlock block = blocks.next();
        int d = block.numFeatures();
        if (block.skipped() != null && partitionOf(row) == t) {
          out.add(new DataBlock(d, new double[0], new double[0],
              block.weights() == null ? null : new double[0], block.skipped()));
        }
        int from = (int) Math.max(0, Math.min(block.rows(), first - row));
        int to = (int) Math.max(0, Math.min(block.rows(), end - row));
        if (from < to) {
          double[] weights = block.weights();
          out.add(from == 0 && to == block.rows()
              ? new DataBlock(d, block.features(), block.labels(), weights, null)
              : new DataBlock(d, Arrays.copyOfRange(block.features(), from * d, to * d),
                  Arrays.copyOfRange(block.labels(), from, to),
                  weights == null ? null : Arrays.copyOfRange(weights, from, to), null));
        }
        row += block.rows();
      }
      return out.iterator();
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
      if (!advance()) {
        return false;
      }
      System.arraycopy(current.features(), next * numFeatures, row, 0, numFeatures);
      row[numFeatures] = current.labels()[next];
      if (weighted) {
        row[numFeatures + 1] = current.weights()[next];
      }
      next++;
      return true;
    }

    /**
     * Copies a run of the current slice at once: row by row, the copying took 18 of the 323
     * JFR samples of a one-iteration fit of 10⁷ CSV rows.
     */
    @Override
    public int nextRows(double[] features, double[] labels, double[] weights, int at,
        int count, double[] row) {
      if (!advance()) {
        return 0;
      }
      int n = Math.min(count, current.rows() - next);
      System.arraycopy(current.features(), next * numFeatures, features, at * numFeatures,
          n * numFeatures);
      System.arraycopy(current.labels(), next, labels, at, n);
      if (weighted) {
        System.arraycopy(current.weights(), next, weights, at, n);
      }
      next += n;
      return n;
    }

    /** Moves to a slice with rows left, if need be; false when there is none. */
    private boolean advance() {
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
      return true;
    }

    @Override
    public SkippedRows drainSkipped() {
      return skipped.drain();
    }
  }
}
