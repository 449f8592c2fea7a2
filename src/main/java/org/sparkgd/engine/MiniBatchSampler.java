package org.sparkgd.engine;

import java.io.Serializable;
import java.util.SplittableRandom;
import org.sparkgd.data.Seeds;

/**
 * Bernoulli sampling of rows with probability {@code fraction}, reproducible from
 * (seed, iteration) and independent across iterations. Rather than draw a number for every
 * row, it draws the geometric gap to the next sampled row, so its cost grows with the batch,
 * not with the data.
 *
 * <p>The draw is keyed by the rows' global positions, not by partitions: the rows are cut into
 * fixed chunks of {@link #CHUNK} positions, each with its own random stream seeded by
 * (seed, iteration, chunk). The cached partitions hold the rows in input order, partition p of
 * P the positions from ⌈p·n/P⌉ ({@code data.BalancedBlocks}), so every partition count picks
 * the same rows, and a retried task the same as its first attempt.
 */
public final class MiniBatchSampler implements Serializable {
  private static final long serialVersionUID = 2L;
  /** Positions a random stream covers. */
  static final long CHUNK = 1 << 16;

  private final double fraction;
  private final long seed;
  private final long iteration;
  private final long rows;
  private final int partitions;

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
  }

  public double fraction() {
    return fraction;
  }

  /** A fresh cursor over partition {@code partition}'s rows, from its first global position. */
  public Cursor start(int partition) {
    long scaled = Math.multiplyExact((long) partition, rows);
    return new Cursor(scaled / partitions + (scaled % partitions == 0 ? 0 : 1));
  }

  /** Walks one partition's rows block after block, yielding the sampled row positions. */
  public final class Cursor {
    private final double logOfMiss = Math.log1p(-fraction);
    private SplittableRandom random;
    private long chunkEnd;
    /** The global position of the next sampled row. */
    private long nextSampled;
    /** The global position of the current block's first row. */
    private long blockStart;

    Cursor(long firstRow) {
      enter(firstRow / CHUNK);
      while (nextSampled < firstRow) {
        step();
      }
      blockStart = firstRow;
    }

    /**
     * The first sampled row of the next block (of {@code rows} rows), or {@code rows} when the
     * sample skips the whole block. Walk a block as
     * {@code for (int i = first(n); i < n; i = next(i, n))}.
     */
    public int first(int rows) {
      return inBlock(rows);
    }

    /** The sampled row after {@code current}, or {@code rows} when the block has no more. */
    public int next(int current, int rows) {
      step();
      return inBlock(rows);
    }

    private int inBlock(int rows) {
      long position = nextSampled - blockStart;
      if (position < rows) {
        return (int) position;
      }
      blockStart += rows;
      return rows;
    }

    private void enter(long chunk) {
      chunkEnd = chunk * CHUNK;
      nextSampled = chunkEnd;
      settle();
    }

    private void step() {
      nextSampled += 1 + gap();
      settle();
    }

    /** Past its chunk's end, the next sampled row comes from the next chunk's stream. */
    private void settle() {
      while (nextSampled >= chunkEnd) {
        long chunk = chunkEnd / CHUNK;
        random = new SplittableRandom(Seeds.mix(Seeds.mix(seed, iteration), chunk));
        chunkEnd = (chunk + 1) * CHUNK;
        nextSampled = chunk * CHUNK + gap();
      }
    }

    /** Rows to pass over before the next sampled one: Geometric(fraction) on {0, 1, …}. */
    private long gap() {
      if (fraction >= 1) {
        return 0;
      }
      double u = 1.0 - random.nextDouble(); // in (0, 1], so the log is finite
      double g = Math.floor(Math.log(u) / logOfMiss);
      return g >= CHUNK ? CHUNK : (long) g;
    }
  }
}
