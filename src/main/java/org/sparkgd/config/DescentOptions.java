package org.sparkgd.config;

/**
 * The options of the descent itself, whatever the rows come from: the command line's
 * {@link FitConfig} and the Spark ML estimator's Params both give one, and both fits then run
 * the same code.
 *
 * @param batchFraction the expected fraction of rows in a mini-batch (used in mini-batch mode)
 * @param treeDepth the depth of Spark's treeAggregate of the partial sums
 */
public record DescentOptions(Mode mode, double batchFraction, double learningRate,
    long maxIterations, double tolerance, long seed, double divergenceFactor, int treeDepth) {

  /** The mini-batch fraction, or null in batch mode. */
  public Double samplingFraction() {
    return mode == Mode.MINIBATCH ? batchFraction : null;
  }
}
