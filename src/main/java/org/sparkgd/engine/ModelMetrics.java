package org.sparkgd.engine;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.sparkgd.data.DataBlock;
import org.sparkgd.data.Standardization;
import org.sparkgd.model.LinearModel;
import org.sparkgd.model.RegressionMetrics;

/**
 * One pass over cached blocks that measures a model: sums per partition, merged on the driver
 * in partition order so the figures repeat bit for bit.
 */
public final class ModelMetrics {
  private ModelMetrics() {}

  /**
   * On the standardized training blocks. The residual is computed as in the descent and scaled
   * back: r = std_y · (ẑ − z_y), so a batch fit's RMSE is std_y · √(final cost).
   */
  public static RegressionMetrics onStandardized(JavaRDD<DataBlock> blocks, LinearModel model) {
    return onStandardized(blocks, model, true);
  }

  /**
   * @param intercept false for a fit through the origin (its label is not centered: the
   *     deviations are y itself, and R² is uncentered)
   */
  public static RegressionMetrics onStandardized(JavaRDD<DataBlock> blocks, LinearModel model,
      boolean intercept) {
    double[] theta = model.theta();
    double labelStd = model.standardization().labelStd();
    return merge(blocks.mapPartitions(partition -> {
      RegressionMetrics.Sums sums = new RegressionMetrics.Sums();
      partition.forEachRemaining(block -> {
        int d = block.numFeatures();
        double[] z = block.features();
        for (int i = 0; i < block.rows(); i++) {
          double residual = theta[0] - block.labels()[i];
          for (int j = 0; j < d; j++) {
            residual += theta[j + 1] * z[i * d + j];
          }
          if (block.weights() == null) {
            sums.add(labelStd * residual, labelStd * block.labels()[i]);
          } else {
            sums.add(labelStd * residual, labelStd * block.labels()[i], block.weights()[i]);
          }
        }
      });
      return List.of(sums).iterator();
    }).collect(), intercept);
  }

  /** On blocks as read (original scale), such as the held-out test rows. */
  public static RegressionMetrics onOriginal(JavaRDD<DataBlock> blocks, LinearModel model) {
    return onOriginal(blocks, model, true);
  }

  /** @param intercept false for a fit through the origin (R² uncentered) */
  public static RegressionMetrics onOriginal(JavaRDD<DataBlock> blocks, LinearModel model,
      boolean intercept) {
    Standardization s = model.standardization();
    return merge(blocks.mapPartitions(partition -> {
      RegressionMetrics.Sums sums = new RegressionMetrics.Sums();
      double[] row = new double[model.features().size()];
      partition.forEachRemaining(block -> {
        int d = block.numFeatures();
        for (int i = 0; i < block.rows(); i++) {
          System.arraycopy(block.features(), i * d, row, 0, d);
          double y = block.labels()[i];
          if (block.weights() == null) {
            sums.add(model.predict(row) - y, y - s.labelMean());
          } else {
            sums.add(model.predict(row) - y, y - s.labelMean(), block.weights()[i]);
          }
        }
      });
      return List.of(sums).iterator();
    }).collect(), intercept);
  }

  private static RegressionMetrics merge(List<RegressionMetrics.Sums> partitions,
      boolean intercept) {
    RegressionMetrics.Sums total = new RegressionMetrics.Sums();
    if (!intercept) {
      total.uncentered();
    }
    partitions.forEach(total::merge);
    return total.metrics();
  }
}
