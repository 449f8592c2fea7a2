package org.sparkgd.config;

/** The optimizer choices of the command line, as enums picocli parses case-insensitively. */
public final class OptimizerKinds {
  private OptimizerKinds() {}

  /** How the step size changes with t. ADAPTIVE is the tutorial's improve-or-shrink rule. */
  public enum Schedule { CONSTANT, INVERSE_SQRT, INVERSE_SCALING, STEP, ADAPTIVE }

  /** How the step length is found each iteration. */
  public enum Step { SCHEDULE, LINE_SEARCH, BACKTRACKING, CONJUGATE_GRADIENT }

  /** The update rule. */
  public enum Update { PLAIN, MOMENTUM, NESTEROV, ADAM }

  /** The penalty on the standardized coefficients. */
  public enum PenaltyKind { NONE, L2, L1, ELASTIC_NET }

  /** gd: gradient descent. normal: solve the normal equations exactly (no penalty or L2). */
  public enum Solver { GD, NORMAL }

  /** Whether to compute the exact optimum (one extra pass): auto does when it costs little. */
  public enum Reference { AUTO, ON, OFF }
}
