package org.sparkgd.optim;

/** Why a descent ended. Reaching max iterations is a normal outcome, not a failure. */
public enum StopReason {
  /** The relative change fell below the tolerance. */
  CONVERGED,
  /** The iteration budget was spent. */
  MAX_ITERATIONS,
  /** The adaptive schedule went --patience iterations without a lower cost. */
  NO_IMPROVEMENT,
  /** The cost became NaN or infinite, or grew far beyond where it started: the step is too large. */
  DIVERGED;

  /**
   * As written in outputs: lower case with underscores ({@code max_iterations}), model.json's
   * format. Not an option's choice, so not spelled by {@code config.Choices}.
   */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public boolean isSuccess() {
    return this != DIVERGED;
  }
}
