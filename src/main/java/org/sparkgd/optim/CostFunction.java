package org.sparkgd.optim;

/**
 * The objective the descent minimizes. One call is one pass over (a sample of) the data, at as
 * many points as asked: a sweep or a line search evaluates several points in the same pass.
 */
@FunctionalInterface
public interface CostFunction {
  /**
   * @param points each intercept first, then one coefficient per feature (standardized scale)
   * @param pass the pass number, which seeds a mini-batch sample (the same for every point)
   * @return one evaluation per point, in order
   */
  Evaluation[] evaluate(double[][] points, long pass);

  /** One point. */
  default Evaluation evaluate(double[] theta, long pass) {
    return evaluate(new double[][] {theta}, pass)[0];
  }
}
