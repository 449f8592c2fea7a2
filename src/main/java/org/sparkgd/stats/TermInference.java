package org.sparkgd.stats;

/**
 * One row of the coefficients table. An aliased term has every number NaN (R prints NA).
 *
 * @param pValue two-sided, Pr(&gt;|t|) on the residual degrees of freedom
 * @param ciLow lower end of the 95% confidence interval; ciHigh the upper
 */
public record TermInference(String term, boolean aliased, double estimate, double stdError,
    double tValue, double pValue, double ciLow, double ciHigh) implements java.io.Serializable {

  static TermInference aliased(String term) {
    return new TermInference(term, true, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
        Double.NaN, Double.NaN);
  }
}
