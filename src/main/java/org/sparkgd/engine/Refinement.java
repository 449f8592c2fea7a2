package org.sparkgd.engine;

import java.util.Optional;
import org.apache.spark.api.java.JavaRDD;
import org.sparkgd.data.DataBlock;
import org.sparkgd.data.PartitionSummaries;
import org.sparkgd.stats.CorrectionSums;
import org.sparkgd.stats.LeastSquaresFit;

/**
 * Iterative refinement of an original-scale fit against the rows as read: each pass forms the
 * residuals in double-double at the current β ({@link CorrectionSums}) and steps by
 * (XᵀWX)⁻¹XᵀWr. The standardized rows cannot do this: their own rounding caps the answer (3.6
 * digits on a degree-10 polynomial), the original rows are exact. The rows are read again, so
 * each pass checks that it read as many rows, of the same total weight, as the factor was made
 * of (changed values with the same count and weights would get through).
 */
public final class Refinement {
  /**
   * Σw of the rows read again may differ from the factor's by rounding alone (plain sums,
   * partitioned otherwise): up to about n·ε relative, 1e-9 at 10⁷ rows.
   */
  private static final double WEIGHT_SUM_TOLERANCE = 1e-6;

  private Refinement() {}

  /**
   * @param originalRows the training rows on the original scale, each pass reads them once
   * @param fit the factor's fit, whose observations are the rows (w &gt; 0) it was made of
   * @param weightSum their Σw
   * @return the refined fit, or empty when a pass read other rows (another count or Σw: the
   *     input changed since, or its source is not deterministic)
   */
  public static Optional<LeastSquaresFit> refine(JavaRDD<DataBlock> originalRows,
      LeastSquaresFit fit, int passes, double weightSum) {
    long observations = fit.observations();
    for (int pass = 0; pass < passes; pass++) {
      double[] beta = fit.coefficients();
      boolean intercept = fit.intercept();
      CorrectionSums sums = PartitionSummaries.mergeInOrder(originalRows,
          () -> new CorrectionSums(beta, intercept),
          (s, block) -> s.addRows(block.features(), block.labels(), block.weights()),
          CorrectionSums::merge);
      if (sums.observations() != observations
          || Math.abs(sums.weightSum() - weightSum) > WEIGHT_SUM_TOLERANCE * weightSum) {
        return Optional.empty();
      }
      fit = fit.refined(sums);
    }
    return Optional.of(fit);
  }
}
