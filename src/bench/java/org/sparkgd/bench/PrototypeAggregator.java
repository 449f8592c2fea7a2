package org.sparkgd.bench;

import java.io.Serializable;
import org.apache.spark.TaskContext;
import org.apache.spark.broadcast.Broadcast;
import org.sparkgd.data.DataBlock;
import org.sparkgd.engine.ExactSum;
import org.sparkgd.engine.MiniBatchSampler;
import org.sparkgd.engine.ResidualSums;
import org.sparkgd.optim.Evaluation;

/**
 * A scratch copy of {@code engine.LeastSquaresAggregator} for one point (same sums, same exact
 * merge) with the knobs the breakdown turns: θ from a broadcast or carried in the task itself,
 * and the inner loop as the aggregator runs it ({@link ResidualSums}, written out per feature
 * count) or as it ran before, one generic loop over a feature count the JIT cannot see. Only
 * the benchmark uses it.
 */
final class PrototypeAggregator implements Serializable {
  private static final long serialVersionUID = 2L;

  private final int numFeatures;
  /** Exactly one of the two is set. */
  private final Broadcast<double[]> broadcast;
  private final double[] carried;
  private final MiniBatchSampler sampler;
  private final boolean genericLoop;

  private long count;
  /** Σ r², then Σ r, Σ r·z_1, …, Σ r·z_d, as the aggregator lays out one point. */
  private final double[] sums;
  /** Exact merged sums, laid out as {@link #sums}. */
  private ExactSum[] merged;

  private transient double[] theta;
  private transient MiniBatchSampler.Cursor cursor;
  private transient double[] scratch;

  PrototypeAggregator(int numFeatures, Broadcast<double[]> broadcast, double[] carried,
      MiniBatchSampler sampler, boolean genericLoop) {
    this.numFeatures = numFeatures;
    this.broadcast = broadcast;
    this.carried = carried;
    this.sampler = sampler;
    this.genericLoop = genericLoop;
    this.sums = new double[numFeatures + 2];
  }

  PrototypeAggregator add(DataBlock block) {
    if (theta == null) {
      theta = broadcast != null ? broadcast.value() : carried;
    }
    double[] x = block.features();
    double[] y = block.labels();
    if (sampler != null) {
      if (cursor == null) {
        cursor = sampler.start(TaskContext.getPartitionId());
      }
      if (scratch == null) {
        scratch = ResidualSums.scratch(numFeatures);
      }
      cursor.block(block.rows());
      while (cursor.nextRange()) {
        ResidualSums.add(x, y, cursor.from(), cursor.to(), numFeatures, theta, sums, 0, scratch);
        count += cursor.to() - cursor.from();
      }
    } else if (genericLoop) {
      addBlockGeneric(x, y);
    } else {
      if (scratch == null) {
        scratch = ResidualSums.scratch(numFeatures);
      }
      ResidualSums.add(x, y, numFeatures, theta, sums, 0, scratch);
      count += y.length;
    }
    return this;
  }

  /** The loop before {@link ResidualSums}: locals, but an inner loop over an unknown d. */
  private void addBlockGeneric(double[] x, double[] y) {
    int d = numFeatures;
    double b = theta[0];
    double squares = 0;
    double residuals = 0;
    double[] products = new double[d];
    for (int i = 0, offset = 0; i < y.length; i++, offset += d) {
      double r = b;
      for (int j = 0; j < d; j++) {
        r += theta[j + 1] * x[offset + j];
      }
      r -= y[i];
      squares += r * r;
      residuals += r;
      for (int j = 0; j < d; j++) {
        products[j] += r * x[offset + j];
      }
    }
    sums[0] += squares;
    sums[1] += residuals;
    for (int j = 0; j < d; j++) {
      sums[j + 2] += products[j];
    }
    count += y.length;
  }

  PrototypeAggregator merge(PrototypeAggregator other) {
    ExactSum[] mine = exact();
    ExactSum[] theirs = other.exact();
    for (int k = 0; k < mine.length; k++) {
      mine[k].add(theirs[k]);
    }
    count += other.count;
    return this;
  }

  private ExactSum[] exact() {
    if (merged == null) {
      merged = new ExactSum[sums.length];
      for (int k = 0; k < sums.length; k++) {
        merged[k] = new ExactSum();
      }
    }
    for (int k = 0; k < sums.length; k++) {
      merged[k].add(sums[k]);
      sums[k] = 0;
    }
    return merged;
  }

  Evaluation evaluation() {
    ExactSum[] exact = exact();
    double[] gradient = new double[numFeatures + 1];
    for (int j = 0; j <= numFeatures; j++) {
      gradient[j] = 2 * exact[j + 1].doubleValue() / count;
    }
    return new Evaluation(exact[0].doubleValue() / count, gradient, count);
  }
}
