package org.sparkgd.stats;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Beta;

/**
 * Classical least-squares inference on a fit on the original scale, as R's
 * {@code summary(lm(...))} computes it: per term the estimate, standard error
 * √(σ̂²·[(XᵀWX)⁻¹]_jj), t value, two-sided p-value and 95% interval; σ̂ = √(RSS/df) with
 * df = n − rank; R² = 1 − RSS/TSS (TSS centered with an intercept, uncentered Σw·y² without);
 * adjusted R² and the F statistic of the model against the intercept alone (against 0 without
 * one), on rank − 1 (rank) and df degrees of freedom.
 *
 * <p>Tail probabilities come straight from the regularized incomplete beta function, not as
 * 1 − cdf, so a p-value of 1e-100 is not rounded to 0.
 */
public record Inference(List<TermInference> terms, double residualStdError, long dfResidual,
    double rSquared, double adjustedRSquared, double fStatistic, int fNumeratorDf,
    double fPValue, boolean intercept) implements java.io.Serializable {

  /** R's name for the intercept term. */
  public static final String INTERCEPT = "(Intercept)";

  public Inference {
    terms = List.copyOf(terms);
  }

  /**
   * @param termNames one per column of the fit, the intercept's ({@link #INTERCEPT}) first
   */
  public static Inference of(LeastSquaresFit fit, List<String> termNames) {
    if (termNames.size() != fit.columns()) {
      throw new IllegalArgumentException(termNames.size() + " term names for "
          + fit.columns() + " columns");
    }
    int rank = fit.rank();
    long df = fit.observations() - rank;
    double rss = fit.residualSumOfSquares();
    double sigma2 = df > 0 ? rss / df : Double.NaN;
    double quantile = df > 0 ? new TDistribution(null, df).inverseCumulativeProbability(0.975)
        : Double.NaN;
    List<TermInference> terms = new ArrayList<>();
    for (int j = 0; j < fit.columns(); j++) {
      if (fit.aliased()[j]) {
        terms.add(TermInference.aliased(termNames.get(j)));
        continue;
      }
      double estimate = fit.coefficients()[j];
      double se = Math.sqrt(sigma2 * fit.unscaledCovariance()[j][j]);
      double t = estimate / se;
      terms.add(new TermInference(termNames.get(j), false, estimate, se, t,
          twoSidedT(t, df), estimate - quantile * se, estimate + quantile * se));
    }
    int interceptDf = fit.intercept() ? 1 : 0;
    double tss = fit.totalSumOfSquares();
    double r2 = 1 - rss / tss;
    double adjusted = 1 - (1 - r2) * (fit.observations() - interceptDf) / df;
    int numeratorDf = rank - interceptDf;
    double f = numeratorDf > 0 ? ((tss - rss) / numeratorDf) / sigma2 : Double.NaN;
    return new Inference(terms, Math.sqrt(sigma2), df, r2, adjusted, f, numeratorDf,
        upperF(f, numeratorDf, df), fit.intercept());
  }

  /** The number of aliased terms (R: "not defined because of singularities"). */
  public int aliasedCount() {
    return (int) terms.stream().filter(TermInference::aliased).count();
  }

  /** Pr(|T| &gt; |t|) for Student's t on df degrees of freedom. */
  static double twoSidedT(double t, double df) {
    if (Double.isNaN(t) || !(df > 0)) {
      return Double.NaN;
    }
    if (Double.isInfinite(t)) {
      return 0;
    }
    return Beta.regularizedBeta(df / (df + t * t), df / 2, 0.5);
  }

  /** Pr(F &gt; f) for Fisher's F on (d1, d2) degrees of freedom. */
  static double upperF(double f, double d1, double d2) {
    if (Double.isNaN(f) || !(d1 > 0) || !(d2 > 0)) {
      return Double.NaN;
    }
    if (Double.isInfinite(f)) {
      return 0;
    }
    return Beta.regularizedBeta(d2 / (d2 + d1 * f), d2 / 2, d1 / 2);
  }
}
