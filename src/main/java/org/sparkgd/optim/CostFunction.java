package org.sparkgd.optim;

/** The objective the descent minimizes; one call is one pass over (a sample of) the data. */
@FunctionalInterface
public interface CostFunction {
  /**
   * @param theta intercept first, then one coefficient per feature (standardized scale)
   * @param iteration the descent's iteration, which seeds a mini-batch sample
   */
  Evaluation evaluate(double[] theta, long iteration);
}
