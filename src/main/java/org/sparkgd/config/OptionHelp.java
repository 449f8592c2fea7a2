package org.sparkgd.config;

/**
 * Help texts that more than one surface shows: {@code fit --help} (picocli takes them as
 * constants), the Spark ML Params' docs and the comments of conf/sparkgd.properties (kept equal
 * by {@code DefaultsAgreeTest}). Plain ASCII, as a properties file is.
 */
public final class OptionHelp {
  private OptionHelp() {}

  /** {@code --tolerance}, Spark ML's {@code tol}, the properties key {@code tolerance}. */
  public static final String TOLERANCE = "The stop rule. Batch with the exact optimum known "
      + "(the exact reference computed, no L1 penalty, no aliased column): stop once every "
      + "coefficient (original scale) is within 1e-9 relative of the exact least-squares "
      + "solution, so every printed digit is right. Otherwise: stop when the relative change of "
      + "the cost (batch) or of theta (minibatch) between iterations is at most this. 0 "
      + "disables both.";
}
