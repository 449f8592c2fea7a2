package org.sparkgd.model;

import org.sparkgd.stats.Inference;

/**
 * What a fit says about its estimates beyond the coefficients.
 *
 * @param inference per-term and whole-fit statistics on the original scale, at the fitted θ;
 *     null when the factor pass was not made ({@code --reference off})
 * @param note what the numbers mean when they are not classical least squares (a penalized or
 *     mini-batch fit), or null
 * @param fullCost J at the final θ over all training rows (standardized scale): for a
 *     mini-batch fit, not the last batch's cost
 * @param fullObjective fullCost plus the penalty
 * @param conditionNumber κ₂ of the standardized design [1 Z], NaN when not computed
 */
public record FitStatistics(Inference inference, String note, double fullCost,
    double fullObjective, double conditionNumber) implements java.io.Serializable {

  /** Whether the inference has standard errors and p-values (not a penalized fit). */
  public boolean classical() {
    return inference != null && !Double.isNaN(inference.residualStdError());
  }
}
