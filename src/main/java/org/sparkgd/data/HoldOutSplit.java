package org.sparkgd.data;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Which rows are held out for testing: a row goes to the test set when a seeded hash of its
 * values (features and label) falls below the fraction. The split depends only on the row and
 * the seed, so it does not change with the partitioning, the order of the files or a task
 * retry; identical rows land on the same side, so a duplicated row cannot leak from the
 * training into the test set.
 */
public final class HoldOutSplit implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final double TO_UNIT = 0x1.0p-53;

  private final double fraction;
  private final long seed;

  /** @param fraction expected share of rows held out, in [0, 1) */
  public HoldOutSplit(double fraction, long seed) {
    if (!(fraction >= 0 && fraction < 1)) {
      throw new IllegalArgumentException("test fraction must be in [0, 1): " + fraction);
    }
    this.fraction = fraction;
    this.seed = seed;
  }

  public double fraction() {
    return fraction;
  }

  public long seed() {
    return seed;
  }

  /** True when row {@code i} of the block belongs to the test set. */
  public boolean isTest(DataBlock block, int i) {
    int d = block.numFeatures();
    long h = Seeds.mix(seed, d);
    double[] x = block.features();
    for (int j = 0; j < d; j++) {
      h = Seeds.mix(h, bits(x[i * d + j]));
    }
    h = Seeds.mix(h, bits(block.labels()[i]));
    return (h >>> 11) * TO_UNIT < fraction;
  }

  /** −0.0 and 0.0 are the same value in a CSV file's meaning: hash them alike. */
  private static long bits(double v) {
    return Double.doubleToLongBits(v + 0.0);
  }

  /**
   * The block's training rows (test = false) or test rows (test = true), as a new block. The
   * count of bad rows skipped while reading goes with the training side, so it is counted once.
   */
  public DataBlock keep(DataBlock block, boolean test) {
    int d = block.numFeatures();
    double[] features = new double[block.features().length];
    double[] labels = new double[block.rows()];
    double[] w = block.weights();
    double[] weights = w == null ? null : new double[block.rows()];
    int n = 0;
    for (int i = 0; i < block.rows(); i++) {
      if (isTest(block, i) == test) {
        System.arraycopy(block.features(), i * d, features, n * d, d);
        if (w != null) {
          weights[n] = w[i];
        }
        labels[n++] = block.labels()[i];
      }
    }
    return new DataBlock(d, Arrays.copyOf(features, n * d), Arrays.copyOf(labels, n),
        w == null ? null : Arrays.copyOf(weights, n), test ? null : block.skipped());
  }
}
