package org.sparkgd.engine;

import java.io.Serializable;
import java.util.SplittableRandom;
import org.sparkgd.data.Seeds;

/**
 * Bernoulli sampling of rows with probability {@code fraction}, reproducible from
 * (seed, iteration, partition) and so independent across iterations. Rather than draw a number
 * for every row, it draws the geometric gap to the next sampled row, so its cost grows with the
 * batch, not with the partition.
 */
public final class MiniBatchSampler implements Serializable {
  private static final long serialVersionUID = 1L;

  private final double fraction;
  private final long seed;
  private final long iteration;

  public MiniBatchSampler(double fraction, long seed, long iteration) {
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException("fraction must be in (0, 1]: " + fraction);
    }
    this.fraction = fraction;
    this.seed = seed;
    this.iteration = iteration;
  }

  public double fraction() {
    return fraction;
  }

  /** A fresh cursor over one partition's rows; partitions never share a random stream. */
  public Cursor start(int partition) {
    return new Cursor(new SplittableRandom(Seeds.mix(Seeds.mix(seed, iteration), partition)));
  }

  /** Walks one partition's rows block after block, yielding the sampled row positions. */
  public final class Cursor {
    private final SplittableRandom random;
    private final double logOfMiss;
    /** Rows still to skip before the next sampled row, carried from one block to the next. */
    private long skip;

    private Cursor(SplittableRandom random) {
      this.random = random;
      this.logOfMiss = Math.log1p(-fraction);
      this.skip = gap();
    }

    /**
     * The first sampled row of the next block (of {@code rows} rows), or {@code rows} when the
     * sample skips the whole block. Walk a block as
     * {@code for (int i = first(n); i < n; i = next(i, n))}.
     */
    public int first(int rows) {
      return next(-1, rows);
    }

    /** The sampled row after {@code current}, or {@code rows} when the block has no more. */
    public int next(int current, int rows) {
      long position = (long) current + 1 + skip;
      if (position >= rows) {
        skip = position - rows;
        return rows;
      }
      skip = gap();
      return (int) position;
    }

    /** Rows to pass over before the next sampled one: Geometric(fraction) on {0, 1, …}. */
    private long gap() {
      if (fraction >= 1) {
        return 0;
      }
      double u = 1.0 - random.nextDouble(); // in (0, 1], so the log is finite
      double g = Math.floor(Math.log(u) / logOfMiss);
      return g >= Long.MAX_VALUE / 2 ? Long.MAX_VALUE / 2 : (long) g;
    }
  }
}
