package org.sparkgd.job;

import org.sparkgd.data.Standardization;
import org.sparkgd.stats.ExactReference;
import org.sparkgd.optim.ConvergenceChecker;
import org.sparkgd.optim.Penalty;

/**
 * The default stop rule of a batch fit whose optimum is known: stop once every coefficient the
 * user reads (original scale, intercept included) is within {@link #TOLERANCE} relative of the
 * exact solution's, so every printed digit is right. A relative change of the cost of 1e-12
 * (the rule otherwise) can stop with the smallest coefficient wrong in its fifth digit
 * (Advertising's newspaper: −0.00103746 for −0.00103749), because a coefficient that explains
 * little moves the cost little. A coefficient below {@link #SMALL} of the largest term is held
 * to that size instead of its own, which rounding allows.
 */
final class StopRule {
  static final double TOLERANCE = 1e-9;
  static final double SMALL = 1e-3;

  private StopRule() {}

  /**
   * Whether the reference's θ is the one optimum the descent goes to: not with an L1 part (no
   * θ), nor when a column that varies is aliased (then gradient descent finds the
   * minimum-norm solution, the factor another one); ridge makes any design's optimum unique.
   */
  static boolean uniqueOptimum(ExactReference reference, Penalty penalty, Standardization s) {
    if (reference == null || !reference.hasOptimum()) {
      return false;
    }
    if (penalty.l2() > 0) {
      return true;
    }
    boolean[] aliased = reference.fit().aliased();
    int offset = reference.fit().intercept() ? 1 : 0;
    for (int j = 0; j < aliased.length; j++) {
      if (aliased[j] && (j < offset || s.featureStds()[j - offset] != 0)) {
        return false;
      }
    }
    return true;
  }

  /** β = M·θ + c: the intercept's row s_y·(1, −m_j/s_j), a feature's s_y/s_j. */
  static ConvergenceChecker nearOptimum(double[] optimum, Standardization s) {
    int p = optimum.length;
    double sy = s.labelStd();
    double[][] map = new double[p][p];
    map[0][0] = sy;
    double largest = 0;
    for (int j = 1; j < p; j++) {
      double sj = s.featureStds()[j - 1];
      if (sj != 0) {
        map[j][j] = sy / sj;
        map[0][j] = -sy * s.featureMeans()[j - 1] / sj;
      }
      largest = Math.max(largest, Math.abs(optimum[j]));
    }
    double[] tolerance = new double[p];
    double intercept = s.labelMean() + sy * optimum[0];
    double terms = Math.abs(s.labelMean());
    for (int j = 1; j < p; j++) {
      double beta = map[j][j] * optimum[j];
      intercept -= beta * s.featureMeans()[j - 1];
      terms += Math.abs(beta * s.featureMeans()[j - 1]);
      tolerance[j] = TOLERANCE * map[j][j] * Math.max(Math.abs(optimum[j]), SMALL * largest);
    }
    tolerance[0] = TOLERANCE * Math.max(Math.abs(intercept), SMALL * terms);
    return ConvergenceChecker.nearOptimum(optimum, map, tolerance);
  }
}
