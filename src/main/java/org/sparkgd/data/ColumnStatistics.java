package org.sparkgd.data;

import java.io.Serializable;

/**
 * Count, mean and sum of squared deviations of every column (features, then the label), by
 * Welford's update within a partition and Chan's formula between partitions. Unlike sums of
 * squares, this stays exact for columns whose mean is far larger than their spread.
 */
public final class ColumnStatistics implements Serializable {
  private static final long serialVersionUID = 1L;

  private long count;
  private final double[] mean;
  private final double[] m2;
  private final SkippedRows skipped = new SkippedRows();

  /** @param columns features + 1 (the label) */
  public ColumnStatistics(int columns) {
    this.mean = new double[columns];
    this.m2 = new double[columns];
  }

  public ColumnStatistics add(DataBlock block) {
    int d = block.numFeatures();
    double[] x = block.features();
    double[] y = block.labels();
    if (block.skipped() != null) {
      skipped.merge(block.skipped());
    }
    for (int i = 0; i < block.rows(); i++) {
      count++;
      for (int j = 0; j < d; j++) {
        update(j, x[i * d + j]);
      }
      update(d, y[i]);
    }
    return this;
  }

  private void update(int column, double value) {
    double delta = value - mean[column];
    mean[column] += delta / count;
    m2[column] += delta * (value - mean[column]);
  }

  public ColumnStatistics merge(ColumnStatistics other) {
    if (other.mean.length != mean.length) {
      throw new IllegalArgumentException("column counts differ: " + mean.length + " and "
          + other.mean.length);
    }
    skipped.merge(other.skipped);
    if (other.count == 0) {
      return this;
    }
    long total = count + other.count;
    for (int j = 0; j < mean.length; j++) {
      double delta = other.mean[j] - mean[j];
      mean[j] += delta * other.count / total;
      m2[j] += other.m2[j] + delta * delta * ((double) count * other.count / total);
    }
    count = total;
    return this;
  }

  public long count() {
    return count;
  }

  /** Rows dropped as bad, over everything added and merged so far. */
  public SkippedRows skipped() {
    return skipped;
  }

  public int columns() {
    return mean.length;
  }

  public double mean(int column) {
    return mean[column];
  }

  /** Sample standard deviation (divides by n − 1, as pandas' {@code std()}). */
  public double sampleStd(int column) {
    return count < 2 ? Double.NaN : Math.sqrt(Math.max(0, m2[column]) / (count - 1));
  }
}
