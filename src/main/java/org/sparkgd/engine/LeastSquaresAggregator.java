package org.sparkgd.engine;

import java.io.Serializable;
import org.apache.spark.TaskContext;
import org.apache.spark.broadcast.Broadcast;
import org.sparkgd.data.DataBlock;
import org.sparkgd.optim.Evaluation;

/**
 * The additive partial sums of the least-squares cost and gradient at one or more points over
 * the rows a partition sees: for each point Σ r², Σ r and Σ r·z_j with residual r = ŷ − y. One
 * instance per partition via {@code treeAggregate}; {@link #add} folds a block in,
 * {@link #merge} combines two partitions. Per point, J = (1/n) Σ r² and
 * ∇J = (2/n) (Σ r, Σ r·z_1, …).
 *
 * <p>Within a partition the sums are plain doubles (the hot loop); merged sums are exact
 * ({@link ExactSum}), so the result does not depend on the order in which Spark merges
 * partitions and a fit repeats bit for bit.
 */
public final class LeastSquaresAggregator implements Serializable {
  private static final long serialVersionUID = 2L;

  private final int numFeatures;
  private final int numPoints;
  private final Broadcast<double[][]> points;
  /** Null in batch mode; otherwise which rows of each block this partition uses. */
  private final MiniBatchSampler sampler;

  private long count;
  /** Per point: Σ r², then Σ r, Σ r·z_1, …, Σ r·z_d; (d + 2) entries a point. */
  private final double[] sums;
  /** Exact sums of merged partitions, laid out as {@link #sums}. */
  private ExactSum[] merged;
  /** Whether the rows carry weights (--weight): then Σ w, not the count, divides the sums. */
  private boolean weighted;
  private double weightSum;
  private ExactSum mergedWeight;

  private transient double[][] thetas;
  private transient MiniBatchSampler.Cursor cursor;
  /** The many-feature loop's gradient sums of a run, made once per task. */
  private transient double[] scratch;

  public LeastSquaresAggregator(int numFeatures, int numPoints, Broadcast<double[][]> points,
      MiniBatchSampler sampler) {
    this.numFeatures = numFeatures;
    this.numPoints = numPoints;
    this.points = points;
    this.sampler = sampler;
    this.sums = new double[numPoints * (numFeatures + 2)];
  }

  public LeastSquaresAggregator add(DataBlock block) {
    if (block.numFeatures() != numFeatures) {
      throw new IllegalArgumentException("block has " + block.numFeatures() + " features, "
          + "expected " + numFeatures);
    }
    if (thetas == null) {
      thetas = points.value();
    }
    if (block.weights() != null) {
      weighted = true;
    }
    if (scratch == null) {
      scratch = ResidualSums.scratch(numFeatures);
    }
    if (sampler == null) {
      addRange(block, 0, block.rows());
      return this;
    }
    if (cursor == null) {
      cursor = sampler.start(TaskContext.getPartitionId());
    }
    cursor.block(block.rows());
    while (cursor.nextRange()) {
      addRange(block, cursor.from(), cursor.to());
    }
    return this;
  }

  /** Rows [from, to) of {@code block} at every point. */
  private void addRange(DataBlock block, int from, int to) {
    int stride = numFeatures + 2;
    double[] w = block.weights();
    for (int m = 0; m < numPoints; m++) {
      if (w == null) {
        ResidualSums.add(block.features(), block.labels(), from, to, numFeatures, thetas[m],
            sums, m * stride, scratch);
      } else {
        WeightedResidualSums.add(block.features(), block.labels(), w, from, to, numFeatures,
            thetas[m], sums, m * stride);
      }
    }
    if (w != null) {
      for (int i = from; i < to; i++) {
        weightSum += w[i];
      }
    }
    count += to - from;
  }

  public LeastSquaresAggregator merge(LeastSquaresAggregator other) {
    if (other.numFeatures != numFeatures || other.numPoints != numPoints) {
      throw new IllegalArgumentException("cannot merge aggregators of " + numPoints + "×"
          + numFeatures + " and " + other.numPoints + "×" + other.numFeatures);
    }
    ExactSum[] mine = exact();
    ExactSum[] theirs = other.exact();
    for (int k = 0; k < mine.length; k++) {
      mine[k].add(theirs[k]);
    }
    count += other.count;
    if (weighted || other.weighted) {
      weighted = true;
      exactWeight().add(other.exactWeight());
    }
    return this;
  }

  /** Folds the double sums into the exact ones (creating them) and returns those. */
  private ExactSum[] exact() {
    if (merged == null) {
      merged = new ExactSum[sums.length];
      for (int k = 0; k < merged.length; k++) {
        merged[k] = new ExactSum();
      }
    }
    for (int k = 0; k < sums.length; k++) {
      merged[k].add(sums[k]);
      sums[k] = 0;
    }
    return merged;
  }

  private ExactSum exactWeight() {
    if (mergedWeight == null) {
      mergedWeight = new ExactSum();
    }
    mergedWeight.add(weightSum);
    weightSum = 0;
    return mergedWeight;
  }

  public long count() {
    return count;
  }

  /** The cost and gradient at every point; an empty batch gives NaN with 0 rows. */
  public Evaluation[] evaluations() {
    ExactSum[] exact = exact();
    int stride = numFeatures + 2;
    Evaluation[] result = new Evaluation[numPoints];
    // Weighted: J = Σ w r² / Σ w; an empty (or weightless) batch gives NaN as before.
    double n = weighted ? exactWeight().doubleValue() : count;
    for (int m = 0; m < numPoints; m++) {
      double[] gradient = new double[numFeatures + 1];
      for (int j = 0; j <= numFeatures; j++) {
        gradient[j] = 2 * exact[m * stride + 1 + j].doubleValue() / n;
      }
      result[m] = new Evaluation(exact[m * stride].doubleValue() / n, gradient, count);
    }
    return result;
  }
}
