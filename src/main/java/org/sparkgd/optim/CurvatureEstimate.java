package org.sparkgd.optim;

import java.util.Random;

/**
 * The largest curvature L of a least-squares cost (the largest eigenvalue of its Hessian
 * H = (2/n) AᵀWA) by power iteration, when the exact reference is not computed: each step is
 * one pass of the cost function, as the gradient is affine, ∇J(s·v) − ∇J(0) = s·Hv. The
 * Rayleigh quotient vᵀHv of a unit v never exceeds λ_max and rises to it, so the estimate is
 * that quotient times {@link #SAFETY}; the descent stays stable for any step below 2/λ_max, so a
 * quotient above half of λ_max / SAFETY is enough.
 *
 * @param lipschitz the estimate of L used for the step 1/L, SAFETY × the last quotient
 * @param rayleigh the last Rayleigh quotient (a lower bound of the cost's λ_max) plus the L2
 *     weight
 * @param passes the passes it took (the first also gives ∇J(0))
 */
public record CurvatureEstimate(double lipschitz, double rayleigh, int passes) {
  /** The margin above the quotient: it rises to λ_max from below. */
  public static final double SAFETY = 1.1;
  /** Stop when the quotient changes by less than this fraction in one pass. */
  static final double TOLERANCE = 1e-3;
  static final int MAX_PASSES = 30;
  /** The probe's scale, so that s·Hv dominates the ∇J(0) it is taken from. */
  private static final double SCALE = 1e4;

  /**
   * @param cost a full-batch cost over the training rows
   * @param dimension the length of θ (intercept first)
   * @param intercept false when the intercept is fixed at 0 (its gradient entry is masked)
   * @param l2 the penalty's L2 weight, added to the curvature of every non-intercept coordinate
   * @param seed the start vector's seed
   */
  public static CurvatureEstimate of(CostFunction cost, int dimension, boolean intercept,
      double l2, long seed) {
    double[] v = new double[dimension];
    Random random = new Random(seed);
    for (int j = intercept ? 0 : 1; j < dimension; j++) {
      v[j] = random.nextGaussian();
    }
    normalize(v);
    Evaluation[] first = cost.evaluate(new double[][] {new double[dimension], scaled(v)}, 0);
    double[] atZero = first[0].gradient();
    double[] hv = product(first[1].gradient(), atZero);
    double quotient = ConjugateGradientStep.dot(v, hv);
    int passes = 1;
    while (passes < MAX_PASSES && normalize(hv) > 0) {
      v = hv;
      hv = product(cost.evaluate(scaled(v), 0).gradient(), atZero);
      double next = ConjugateGradientStep.dot(v, hv);
      passes++;
      boolean settled = Math.abs(next - quotient) <= TOLERANCE * next;
      quotient = next;
      if (settled) {
        break;
      }
    }
    double rayleigh = quotient + l2;
    return new CurvatureEstimate(SAFETY * rayleigh, rayleigh, passes);
  }

  /** 1/L: the step a plain descent takes at the auto learning rate. */
  public double safeStep() {
    return 1 / lipschitz;
  }

  private static double[] scaled(double[] v) {
    double[] s = new double[v.length];
    for (int j = 0; j < v.length; j++) {
      s[j] = SCALE * v[j];
    }
    return s;
  }

  /** Hv from ∇J(s·v) − ∇J(0). */
  private static double[] product(double[] gradient, double[] atZero) {
    double[] hv = new double[gradient.length];
    for (int j = 0; j < hv.length; j++) {
      hv[j] = (gradient[j] - atZero[j]) / SCALE;
    }
    return hv;
  }

  /** Scales v to unit length in place; returns its former norm. */
  private static double normalize(double[] v) {
    double norm = GradientDescent.norm(v);
    if (norm > 0) {
      for (int j = 0; j < v.length; j++) {
        v[j] /= norm;
      }
    }
    return norm;
  }
}
