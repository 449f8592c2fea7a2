package org.sparkgd.model;

import java.util.List;
import org.sparkgd.data.Standardization;

/**
 * A fitted linear model. On the standardized scale ẑ_y = b + Σ θ_j z_j; mapped back,
 * ŷ = intercept + Σ coefficient_j x_j with
 * coefficient_j = std_y · θ_j / std_j and intercept = mean_y + std_y · b − Σ coefficient_j mean_j.
 * Features of zero spread keep coefficient 0.
 *
 * @param theta intercept first, then one coefficient per feature (standardized scale)
 */
public record LinearModel(String label, List<String> features, Standardization standardization,
    double[] theta) {

  public LinearModel {
    features = List.copyOf(features);
    if (theta.length != features.size() + 1) {
      throw new IllegalArgumentException("theta has " + theta.length + " entries for "
          + features.size() + " features");
    }
    theta = theta.clone();
  }

  public double standardizedIntercept() {
    return theta[0];
  }

  public double[] standardizedCoefficients() {
    return java.util.Arrays.copyOfRange(theta, 1, theta.length);
  }

  public double[] coefficients() {
    Standardization s = standardization;
    double[] beta = new double[features.size()];
    for (int j = 0; j < beta.length; j++) {
      double std = s.featureStds()[j];
      beta[j] = std == 0 ? 0 : s.labelStd() * theta[j + 1] / std;
    }
    return beta;
  }

  public double intercept() {
    Standardization s = standardization;
    double[] beta = coefficients();
    double intercept = s.labelMean() + s.labelStd() * theta[0];
    for (int j = 0; j < beta.length; j++) {
      intercept -= beta[j] * s.featureMeans()[j];
    }
    return intercept;
  }

  /** ŷ on the original scale for one row of original-scale features. */
  public double predict(double[] x) {
    double[] beta = coefficients();
    double y = intercept();
    for (int j = 0; j < beta.length; j++) {
      y += beta[j] * x[j];
    }
    return y;
  }
}
