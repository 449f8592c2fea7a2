package org.sparkgd.data;

import java.io.Serializable;

/**
 * A run of rows packed into two contiguous arrays, so the cache costs about
 * 8 × (features + 1) bytes a row and the gradient loop reads memory in order.
 */
public final class DataBlock implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int numFeatures;
  /** Row-major: row i's feature j is at {@code i * numFeatures + j}. */
  private final double[] features;
  private final double[] labels;
  /** Input rows dropped as bad while this block was read, or null: counted by the statistics. */
  private final SkippedRows skipped;
  /** Each row's weight (--weight), or null: every row weighs 1. */
  private final double[] weights;

  public DataBlock(int numFeatures, double[] features, double[] labels) {
    this(numFeatures, features, labels, null);
  }

  public DataBlock(int numFeatures, double[] features, double[] labels, SkippedRows skipped) {
    this(numFeatures, features, labels, null, skipped);
  }

  /** @param weights each row's weight, or null for unweighted rows */
  public DataBlock(int numFeatures, double[] features, double[] labels, double[] weights,
      SkippedRows skipped) {
    if (weights != null && weights.length != labels.length) {
      throw new IllegalArgumentException(weights.length + " weights for " + labels.length
          + " rows");
    }
    this.weights = weights;
    if (features.length != (long) labels.length * numFeatures) {
      throw new IllegalArgumentException("features has " + features.length + " values, expected "
          + labels.length + " rows × " + numFeatures);
    }
    this.numFeatures = numFeatures;
    this.features = features;
    this.labels = labels;
    this.skipped = skipped;
  }

  public int numFeatures() {
    return numFeatures;
  }

  public int rows() {
    return labels.length;
  }

  /** The packed features; shared, not copied: callers must not modify it. */
  public double[] features() {
    return features;
  }

  /** Rows dropped as bad while this block was read; null when none. */
  public SkippedRows skipped() {
    return skipped;
  }

  /** The rows' weights, or null when unweighted; shared, not copied. */
  public double[] weights() {
    return weights;
  }

  /** The labels; shared, not copied: callers must not modify it. */
  public double[] labels() {
    return labels;
  }
}
