package org.sparkgd.optim;

/**
 * Elastic-net regularization on the standardized coefficients (never the intercept), as glmnet
 * and MLlib: P(θ) = λ·(a·‖w‖₁ + (1 − a)/2·‖w‖²). The smooth L2 part joins the gradient; the L1
 * part is applied by its proximal map (soft-thresholding) after each step, so coefficients can
 * become exactly 0.
 *
 * @param lambda λ ≥ 0 (0: no penalty)
 * @param l1Ratio a in [0, 1]: 0 is ridge, 1 is lasso
 */
public record Penalty(double lambda, double l1Ratio) {
  public static final Penalty NONE = new Penalty(0, 0);

  public Penalty {
    if (!(lambda >= 0) || !(l1Ratio >= 0 && l1Ratio <= 1)) {
      throw new IllegalArgumentException("penalty needs λ ≥ 0 and 0 ≤ l1 ratio ≤ 1");
    }
  }

  public boolean isNone() {
    return lambda == 0;
  }

  private double l1() {
    return lambda * l1Ratio;
  }

  /** The coefficient of the smooth part, λ(1 − a): its Hessian adds this to every w_j. */
  public double l2() {
    return lambda * (1 - l1Ratio);
  }

  public double value(double[] theta) {
    double abs = 0;
    double squares = 0;
    for (int j = 1; j < theta.length; j++) {
      abs += Math.abs(theta[j]);
      squares += theta[j] * theta[j];
    }
    return l1() * abs + l2() / 2 * squares;
  }

  /** ∇J plus the gradient of the smooth part, λ(1 − a)·w. */
  public double[] smoothGradient(double[] theta, double[] costGradient) {
    double[] g = costGradient.clone();
    for (int j = 1; j < theta.length; j++) {
      g[j] += l2() * theta[j];
    }
    return g;
  }

  /** The proximal map of step·λa‖w‖₁: soft-thresholding of every coefficient, in place. */
  public double[] prox(double[] theta, double step) {
    double threshold = step * l1();
    if (threshold > 0) {
      for (int j = 1; j < theta.length; j++) {
        theta[j] = Math.signum(theta[j]) * Math.max(Math.abs(theta[j]) - threshold, 0);
      }
    }
    return theta;
  }
}
