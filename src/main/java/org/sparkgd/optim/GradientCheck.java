package org.sparkgd.optim;

/**
 * Compares the analytic gradient with central differences (J(θ + h·e_j) − J(θ − h·e_j)) / 2h,
 * as the tutorials do, evaluating all 2p + 1 points in ONE pass over the data. The cost is
 * quadratic, so the differences are exact up to rounding.
 */
public final class GradientCheck {
  private GradientCheck() {}

  /** @return the largest relative difference over the components */
  public static double maxRelativeDifference(CostFunction cost, double[] theta, long pass) {
    int p = theta.length;
    double[][] points = new double[2 * p + 1][];
    points[0] = theta.clone();
    double[] h = new double[p];
    for (int j = 0; j < p; j++) {
      h[j] = 1e-5 * Math.max(1, Math.abs(theta[j]));
      points[2 * j + 1] = theta.clone();
      points[2 * j + 1][j] += h[j];
      points[2 * j + 2] = theta.clone();
      points[2 * j + 2][j] -= h[j];
    }
    Evaluation[] e = cost.evaluate(points, pass);
    double worst = 0;
    for (int j = 0; j < p; j++) {
      double numerical = (e[2 * j + 1].cost() - e[2 * j + 2].cost()) / (2 * h[j]);
      double analytic = e[0].gradient()[j];
      // Near an optimum both are ~0 and the difference is rounding (≈ ε·J/h): measure it
      // against a floor tied to the cost, not against the vanishing gradient.
      double floor = 1e-3 * Math.max(e[0].cost(), 1e-12);
      double scale = Math.max(Math.max(Math.abs(numerical), Math.abs(analytic)), floor);
      worst = Math.max(worst, Math.abs(numerical - analytic) / scale);
    }
    return worst;
  }
}
