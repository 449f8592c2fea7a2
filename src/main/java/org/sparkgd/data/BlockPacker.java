package org.sparkgd.data;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** Packs a partition's rows into blocks of at most {@code blockRows} rows, lazily. */
public final class BlockPacker implements Iterator<DataBlock> {
  /** About 1 MiB of doubles a block, as MLlib's default block size. */
  public static final int TARGET_BLOCK_BYTES = 1 << 20;

  private final RowSource source;
  private final int numFeatures;
  private final int blockRows;
  private final double[] row;
  /** Whether each source row ends with a weight after its label. */
  private final boolean weighted;
  private DataBlock next;
  private boolean exhausted;

  public BlockPacker(RowSource source, int numFeatures, int blockRows) {
    this(source, numFeatures, blockRows, false);
  }

  /** @param weighted each row is features, label, then its weight */
  public BlockPacker(RowSource source, int numFeatures, int blockRows, boolean weighted) {
    this.weighted = weighted;
    if (blockRows < 1) {
      throw new IllegalArgumentException("blockRows must be at least 1: " + blockRows);
    }
    this.source = source;
    this.numFeatures = numFeatures;
    this.blockRows = blockRows;
    this.row = new double[numFeatures + (weighted ? 2 : 1)];
  }

  /** Rows a block holds for the default block size. */
  public static int defaultBlockRows(int numFeatures) {
    return Math.max(1, TARGET_BLOCK_BYTES / (8 * (numFeatures + 1)));
  }

  @Override
  public boolean hasNext() {
    if (next == null && !exhausted) {
      next = fill();
    }
    return next != null;
  }

  @Override
  public DataBlock next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    DataBlock block = next;
    next = null;
    return block;
  }

  private DataBlock fill() {
    double[] features = new double[blockRows * numFeatures];
    double[] labels = new double[blockRows];
    double[] weights = weighted ? new double[blockRows] : null;
    int n = 0;
    while (n < blockRows) {
      int copied = source.nextRows(features, labels, weights, n, blockRows - n, row);
      if (copied == 0) {
        break;
      }
      n += copied;
    }
    SkippedRows skipped = source.drainSkipped();
    boolean anySkipped = skipped != null && skipped.count() > 0;
    if (n < blockRows) {
      exhausted = true;
      if (n == 0 && !anySkipped) {
        return null;
      }
      features = Arrays.copyOf(features, n * numFeatures);
      labels = Arrays.copyOf(labels, n);
      weights = weighted ? Arrays.copyOf(weights, n) : null;
    }
    return new DataBlock(numFeatures, features, labels, weights, anySkipped ? skipped : null);
  }
}
