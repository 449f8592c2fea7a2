package org.sparkgd;

/**
 * A mistake the user can fix (bad input, bad option, existing output). The CLI prints its message
 * as one line and exits with {@link #exitCode()}; the stack trace goes to the log only.
 */
public class UserError extends RuntimeException {
  /** Exit code for bad input data, an existing output, and the like. */
  public static final int EXIT_CODE = 3;
  /** Exit code for a bad command line or option value (as picocli's own usage errors). */
  public static final int USAGE_EXIT_CODE = 2;
  /** Exit code when the cluster gave the application no executor within its time limit. */
  public static final int RESOURCES_EXIT_CODE = 5;
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  public UserError(String message) {
    this(message, null, EXIT_CODE);
  }

  public UserError(String message, Throwable cause) {
    this(message, cause, EXIT_CODE);
  }

  private UserError(String message, Throwable cause, int exitCode) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** An option or its value is wrong. */
  public static UserError usage(String message) {
    return new UserError(message, null, USAGE_EXIT_CODE);
  }

  /** The cluster has no room for what the application asks. */
  public static UserError resources(String message) {
    return new UserError(message, null, RESOURCES_EXIT_CODE);
  }

  public int exitCode() {
    return exitCode;
  }

  /** The user error behind {@code t}, if any: Spark wraps task failures in its own exceptions. */
  public static UserError findIn(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof UserError u) {
        return u;
      }
    }
    return null;
  }
}
