package org.sparkgd.engine;

import org.apache.spark.api.java.JavaRDD;
import org.sparkgd.data.DataBlock;
import org.sparkgd.data.PartitionSummaries;
import org.sparkgd.stats.CorrectionSums;
import org.sparkgd.stats.LeastSquaresFit;

/**
 * Iterative refinement of an original-scale fit against the rows as read: each pass forms the
 * residuals in double-double at the current β ({@link CorrectionSums}) and steps by
 * (XᵀWX)⁻¹XᵀWr. The standardized rows cannot do this: their own rounding caps the answer (3.6
 * digits on a degree-10 polynomial), the original rows are exact.
 */
public final class Refinement {
  private Refinement() {}

  /** @param originalRows the training rows on the original scale, each pass reads them once */
  public static LeastSquaresFit refine(JavaRDD<DataBlock> originalRows, LeastSquaresFit fit,
      int passes) {
    for (int pass = 0; pass < passes; pass++) {
      double[] beta = fit.coefficients();
      boolean intercept = fit.intercept();
      CorrectionSums sums = PartitionSummaries.mergeInOrder(originalRows,
          () -> new CorrectionSums(beta, intercept),
          (s, block) -> s.addRows(block.features(), block.labels(), block.weights()),
          CorrectionSums::merge);
      fit = fit.refined(sums);
    }
    return fit;
  }
}
