package org.sparkgd.optim;

/** How each run chooses its step length. */
public enum StepMode {
  /** α_t from a {@link LearningRateSchedule}. */
  SCHEDULE,
  /**
   * The tutorial's adaptive rule: after an iteration that does not lower the cost, go back to
   * the best θ and multiply the step by a factor; after one that does, reset the step; stop
   * after --patience iterations without improvement.
   */
  ADAPTIVE,
  /**
   * The tutorial's {@code minimize_batch}, distributed: every listed step is tried from the
   * last point in the same pass that evaluates them, and the lowest cost wins.
   */
  LINE_SEARCH,
  /** Backtracking: shrink the step until a sufficient decrease (Armijo-type), one pass a try. */
  BACKTRACKING,
  /**
   * Nonlinear conjugate gradients (Polak–Ribière+) with an exact line search in the same pass:
   * the cost is quadratic along a line, so the gradient at one trial point along the direction
   * gives the curvature, the exact step and (by linear interpolation) the next gradient. For
   * least squares without an L1 part this converges in about p passes.
   */
  CONJUGATE_GRADIENT
}
