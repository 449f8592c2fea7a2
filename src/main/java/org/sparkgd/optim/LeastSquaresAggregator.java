package org.sparkgd.optim;

import java.io.Serializable;
import org.apache.spark.TaskContext;
import org.apache.spark.broadcast.Broadcast;
import org.sparkgd.data.DataBlock;

/**
 * The additive partial sums of the least-squares cost and gradient over the rows a partition
 * sees: Σ r², Σ r and Σ r·z_j with residual r = ŷ − y. One instance per partition via
 * {@code treeAggregate}; {@link #add} folds a block in, {@link #merge} combines two partitions.
 * The cost is J = (1/n) Σ r² and the gradient ∇J = (2/n) (Σ r, Σ r·z_1, …).
 *
 * <p>Within a partition the sums are plain doubles (the hot loop); merged sums are exact
 * ({@link ExactSum}), so the result does not depend on the order in which Spark merges
 * partitions and a fit repeats bit for bit.
 */
public final class LeastSquaresAggregator implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int numFeatures;
  private final Broadcast<double[]> theta;
  /** Null in batch mode; otherwise which rows of each block this partition uses. */
  private final MiniBatchSampler sampler;

  private long count;
  private double squaredErrorSum;
  /** Intercept first, then one entry per feature. */
  private final double[] residualSums;

  /** Exact sums of merged partitions: squared errors first, then the residual sums. */
  private ExactSum[] merged;

  private transient double[] coefficients;
  private transient MiniBatchSampler.Cursor cursor;

  public LeastSquaresAggregator(int numFeatures, Broadcast<double[]> theta,
      MiniBatchSampler sampler) {
    this.numFeatures = numFeatures;
    this.theta = theta;
    this.sampler = sampler;
    this.residualSums = new double[numFeatures + 1];
  }

  public LeastSquaresAggregator add(DataBlock block) {
    if (block.numFeatures() != numFeatures) {
      throw new IllegalArgumentException("block has " + block.numFeatures() + " features, "
          + "expected " + numFeatures);
    }
    if (coefficients == null) {
      coefficients = theta.value();
    }
    if (sampler == null) {
      for (int i = 0; i < block.rows(); i++) {
        addRow(block, i);
      }
    } else {
      if (cursor == null) {
        cursor = sampler.start(TaskContext.getPartitionId());
      }
      int rows = block.rows();
      for (int i = cursor.first(rows); i < rows; i = cursor.next(i, rows)) {
        addRow(block, i);
      }
    }
    return this;
  }

  private void addRow(DataBlock block, int i) {
    double[] x = block.features();
    int offset = i * numFeatures;
    double residual = coefficients[0] - block.labels()[i];
    for (int j = 0; j < numFeatures; j++) {
      residual += coefficients[j + 1] * x[offset + j];
    }
    squaredErrorSum += residual * residual;
    residualSums[0] += residual;
    for (int j = 0; j < numFeatures; j++) {
      residualSums[j + 1] += residual * x[offset + j];
    }
    count++;
  }

  public LeastSquaresAggregator merge(LeastSquaresAggregator other) {
    if (other.numFeatures != numFeatures) {
      throw new IllegalArgumentException("cannot merge aggregators of " + numFeatures + " and "
          + other.numFeatures + " features");
    }
    ExactSum[] mine = exact();
    ExactSum[] theirs = other.exact();
    for (int k = 0; k < mine.length; k++) {
      mine[k].add(theirs[k]);
    }
    count += other.count;
    return this;
  }

  /** Folds the double sums into the exact ones (creating them) and returns those. */
  private ExactSum[] exact() {
    if (merged == null) {
      merged = new ExactSum[numFeatures + 2];
      for (int k = 0; k < merged.length; k++) {
        merged[k] = new ExactSum();
      }
    }
    merged[0].add(squaredErrorSum);
    squaredErrorSum = 0;
    for (int j = 0; j <= numFeatures; j++) {
      merged[j + 1].add(residualSums[j]);
      residualSums[j] = 0;
    }
    return merged;
  }

  public long count() {
    return count;
  }

  /** The cost and gradient over the rows seen; an empty batch gives NaN with 0 rows. */
  public Evaluation evaluation() {
    ExactSum[] sums = exact();
    double[] gradient = new double[numFeatures + 1];
    for (int j = 0; j <= numFeatures; j++) {
      gradient[j] = 2 * sums[j + 1].doubleValue() / count;
    }
    return new Evaluation(sums[0].doubleValue() / count, gradient, count);
  }
}
