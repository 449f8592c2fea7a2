package org.sparkgd.model;

import java.io.Serializable;
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
    double[] theta) implements Serializable {

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

  /**
   * ŷ on the original scale for one row of original-scale features. The row is standardized
   * exactly as the training rows were (z_j = (x_j − mean_j) · (1 / std_j), 0 for a constant
   * feature), then ŷ = mean_y + std_y · (b + Σ θ_j z_j): the same arithmetic as the fit, and no
   * cancellation between a large intercept and large terms when a feature's mean is large.
   */
  public double predict(double[] x) {
    if (x.length != features.size()) {
      throw new IllegalArgumentException("a row of " + x.length + " values for "
          + features.size() + " features");
    }
    Standardization s = standardization;
    double z = theta[0];
    for (int j = 0; j < x.length; j++) {
      double std = s.featureStds()[j];
      if (std != 0) {
        z += theta[j + 1] * ((x[j] - s.featureMeans()[j]) * (1 / std));
      }
    }
    return s.labelMean() + s.labelStd() * z;
  }
}
