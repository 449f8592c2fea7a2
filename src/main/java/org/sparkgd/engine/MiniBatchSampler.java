package org.sparkgd.engine;

import java.io.Serializable;
import java.util.SplittableRandom;
import org.sparkgd.data.Seeds;

/**
 * Bernoulli sampling of runs of rows with probability {@code fraction}, reproducible from
 * (seed, iteration) and independent across iterations. The positions are cut into aligned runs
 * of {@link #runLength} rows, and each run is in the batch with probability {@code fraction},
 * so each row is too. Rather than draw a number for every run, it draws the geometric gap to
 * the next sampled run: the cost grows with the batch, not with the data. Runs make that true
 * of memory as well: one sampled row in a hundred touches a new cache line every time and costs
 * a memory latency, while a run of 64 rows is read as a stream (at 1e7 rows a 10% batch of
 * single rows took longer than a whole batch pass; README "Speed").
 *
 * <p>A run is short enough that a batch holds at least {@link #MIN_RUNS} runs (one row a run
 * for batches under 512 rows, where the mini-batch is the classic row sample) and at most
 * {@link #MAX_RUN} rows. Rows within a run are neighbours in the input, so input sorted by a
 * feature gives batches whose rows are less independent than single-row samples; the expected
 * gradient is the same.
 *
 * <p>The draw is keyed by the rows' global positions, not by partitions: the positions are cut
 * into fixed chunks of {@link #CHUNK}, each with its own random stream seeded by
 * (seed, iteration, chunk). The cached partitions hold the rows in input order, partition p of
 * P the positions from ⌈p·n/P⌉ ({@code data.BalancedBlocks}), so every partition count picks
 * the same rows (a run cut by a partition boundary is read in part by each side), and a
 * retried task the same as its first attempt.
 */
public final class MiniBatchSampler implements Serializable {
  private static final long serialVersionUID = 3L;
  /** Positions a random stream covers: a multiple of every run length. */
  static final long CHUNK = 1 << 16;
  /** The longest run: 64 rows of 3 features are 2 KiB of features and 512 B of labels. */
  static final int MAX_RUN = 64;
  /** The fewest runs a batch is expected to hold (else the runs are shorter). */
  static final long MIN_RUNS = 256;

  private final double fraction;
  private final long seed;
  private final long iteration;
  private final long rows;
  private final int partitions;
  private final int runLength;

  /**
   * @param rows the rows of all partitions
   * @param partitions how many partitions hold them, in order, in equal shares
   */
  public MiniBatchSampler(double fraction, long seed, long iteration, long rows,
      int partitions) {
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException("fraction must be in (0, 1]: " + fraction);
    }
    this.fraction = fraction;
    this.seed = seed;
    this.iteration = iteration;
    this.rows = rows;
    this.partitions = partitions;
    this.runLength = runLength(fraction, rows);
  }

  /**
   * The rows a run holds: the largest power of two up to {@link #MAX_RUN} that leaves about
   * {@link #MIN_RUNS} runs or more in a batch of {@code fraction · rows} rows.
   */
  public static int runLength(double fraction, long rows) {
    double perRun = fraction * rows / MIN_RUNS;
    int length = 1;
    while (length < MAX_RUN && 2 * length <= perRun) {
      length *= 2;
    }
    return length;
  }

  public double fraction() {
    return fraction;
  }

  public int runLength() {
    return runLength;
  }

  /** A fresh cursor over partition {@code partition}'s rows, from its first global position. */
  public Cursor start(int partition) {
    long scaled = Math.multiplyExact((long) partition, rows);
    return new Cursor(scaled / partitions + (scaled % partitions == 0 ? 0 : 1));
  }

  /**
   * Walks one partition's rows block after block, yielding the sampled ranges of each block:
   * {@code cursor.block(n); while (cursor.nextRange()) { use rows [from(), to()) }}.
   */
  public final class Cursor {
    private final double logOfMiss = Math.log1p(-fraction);
    private SplittableRandom random;
    private long chunkEnd;
    /** The global position of the sampled run's first row. */
    private long runStart;
    /** The global position of the next row to yield, within or before the sampled run. */
    private long position;
    /** The global positions of the current block's first row and of the row after its last. */
    private long blockStart;
    private long blockEnd;
    private int from;
    private int to;

    Cursor(long firstRow) {
      enter(firstRow / CHUNK);
      while (runStart + runLength <= firstRow) {
        step();
      }
      position = Math.max(runStart, firstRow);
      blockStart = firstRow;
      blockEnd = firstRow;
    }

    /** Moves on to the next block, of {@code rows} rows. */
    public void block(int rows) {
      blockStart = blockEnd;
      blockEnd = blockStart + rows;
    }

    /** Whether the block has another sampled range; then {@link #from()} and {@link #to()}. */
    public boolean nextRange() {
      if (position == runStart + runLength) {
        step();
        position = runStart;
      }
      if (position >= blockEnd) {
        return false;
      }
      long end = Math.min(runStart + runLength, blockEnd);
      from = (int) (position - blockStart);
      to = (int) (end - blockStart);
      position = end;
      return true;
    }

    /** The range's first row in the block. */
    public int from() {
      return from;
    }

    /** The row after the range's last in the block. */
    public int to() {
      return to;
    }

    private void enter(long chunk) {
      chunkEnd = chunk * CHUNK;
      runStart = chunkEnd;
      settle();
    }

    private void step() {
      runStart += (1 + gap()) * runLength;
      settle();
    }

    /** Past its chunk's end, the next sampled run comes from the next chunk's stream. */
    private void settle() {
      while (runStart >= chunkEnd) {
        long chunk = chunkEnd / CHUNK;
        random = new SplittableRandom(Seeds.mix(Seeds.mix(seed, iteration), chunk));
        chunkEnd = (chunk + 1) * CHUNK;
        runStart = chunk * CHUNK + gap() * runLength;
      }
    }

    /** Runs to pass over before the next sampled one: Geometric(fraction) on {0, 1, …}. */
    private long gap() {
      long runs = CHUNK / runLength;
      if (fraction >= 1) {
        return 0;
      }
      double u = 1.0 - random.nextDouble(); // in (0, 1], so the log is finite
      double g = Math.floor(Math.log(u) / logOfMiss);
      return g >= runs ? runs : (long) g;
    }
  }
}
