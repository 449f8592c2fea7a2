package org.sparkgd.bench;

import java.io.Serializable;
import java.math.BigDecimal;
import org.apache.spark.TaskContext;
import org.apache.spark.broadcast.Broadcast;
import org.sparkgd.data.DataBlock;
import org.sparkgd.optim.Evaluation;
import org.sparkgd.optim.MiniBatchSampler;

/**
 * A scratch copy of {@code optim.LeastSquaresAggregator} (same sums, same exact merge) with the
 * knobs the breakdown turns: θ from a broadcast or carried in the task itself, and the inner
 * loop as the aggregator writes it (accumulators in fields, one call per row) or with the
 * accumulators in locals for a whole block. Only the benchmark uses it.
 */
final class PrototypeAggregator implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int numFeatures;
  /** Exactly one of the two is set. */
  private final Broadcast<double[]> broadcast;
  private final double[] carried;
  private final MiniBatchSampler sampler;
  private final boolean localAccumulators;

  private long count;
  private double squaredErrorSum;
  private final double[] residualSums;
  /** Exact merged sums: squared errors first, then the residual sums (as ExactSum does). */
  private BigDecimal[] merged;

  private transient double[] theta;
  private transient MiniBatchSampler.Cursor cursor;

  PrototypeAggregator(int numFeatures, Broadcast<double[]> broadcast, double[] carried,
      MiniBatchSampler sampler, boolean localAccumulators) {
    this.numFeatures = numFeatures;
    this.broadcast = broadcast;
    this.carried = carried;
    this.sampler = sampler;
    this.localAccumulators = localAccumulators;
    this.residualSums = new double[numFeatures + 1];
  }

  PrototypeAggregator add(DataBlock block) {
    if (theta == null) {
      theta = broadcast != null ? broadcast.value() : carried;
    }
    if (sampler != null) {
      if (cursor == null) {
        cursor = sampler.start(TaskContext.getPartitionId());
      }
      int rows = block.rows();
      for (int i = cursor.first(rows); i < rows; i = cursor.next(i, rows)) {
        addRow(block, i);
      }
    } else if (localAccumulators) {
      addBlock(block);
    } else {
      for (int i = 0; i < block.rows(); i++) {
        addRow(block, i);
      }
    }
    return this;
  }

  /** As LeastSquaresAggregator.addRow: the accumulators live in fields. */
  private void addRow(DataBlock block, int i) {
    double[] x = block.features();
    int offset = i * numFeatures;
    double residual = theta[0] - block.labels()[i];
    for (int j = 0; j < numFeatures; j++) {
      residual += theta[j + 1] * x[offset + j];
    }
    squaredErrorSum += residual * residual;
    residualSums[0] += residual;
    for (int j = 0; j < numFeatures; j++) {
      residualSums[j + 1] += residual * x[offset + j];
    }
    count++;
  }

  /** The same sums over a whole block, with the accumulators in locals (as the roofline). */
  private void addBlock(DataBlock block) {
    int d = numFeatures;
    double[] x = block.features();
    double[] y = block.labels();
    double b = theta[0];
    double squares = 0;
    double residuals = 0;
    double[] products = new double[d];
    for (int i = 0, offset = 0; i < y.length; i++, offset += d) {
      double r = b - y[i];
      for (int j = 0; j < d; j++) {
        r += theta[j + 1] * x[offset + j];
      }
      squares += r * r;
      residuals += r;
      for (int j = 0; j < d; j++) {
        products[j] += r * x[offset + j];
      }
    }
    squaredErrorSum += squares;
    residualSums[0] += residuals;
    for (int j = 0; j < d; j++) {
      residualSums[j + 1] += products[j];
    }
    count += y.length;
  }

  PrototypeAggregator merge(PrototypeAggregator other) {
    BigDecimal[] mine = exact();
    BigDecimal[] theirs = other.exact();
    for (int k = 0; k < mine.length; k++) {
      mine[k] = mine[k].add(theirs[k]);
    }
    count += other.count;
    return this;
  }

  private BigDecimal[] exact() {
    if (merged == null) {
      merged = new BigDecimal[numFeatures + 2];
      java.util.Arrays.fill(merged, BigDecimal.ZERO);
    }
    merged[0] = merged[0].add(new BigDecimal(squaredErrorSum));
    squaredErrorSum = 0;
    for (int j = 0; j <= numFeatures; j++) {
      merged[j + 1] = merged[j + 1].add(new BigDecimal(residualSums[j]));
      residualSums[j] = 0;
    }
    return merged;
  }

  Evaluation evaluation() {
    BigDecimal[] sums = exact();
    double[] gradient = new double[numFeatures + 1];
    for (int j = 0; j <= numFeatures; j++) {
      gradient[j] = 2 * sums[j + 1].doubleValue() / count;
    }
    return new Evaluation(sums[0].doubleValue() / count, gradient, count);
  }
}
