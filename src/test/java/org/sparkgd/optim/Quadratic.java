package org.sparkgd.optim;

/**
 * An in-memory cost J(θ) = Σ_j h_j (θ_j − t_j)² + c with its exact gradient: the descent's
 * logic tested without Spark. Counts the passes (calls) it serves.
 */
final class Quadratic implements CostFunction {
  final double[] target;
  final double[] curvature;
  final double floor;
  int passes;

  Quadratic(double[] target, double[] curvature, double floor) {
    this.target = target;
    this.curvature = curvature;
    this.floor = floor;
  }

  static Quadratic standard() {
    return new Quadratic(new double[] {0.5, -1.0, 2.0}, new double[] {1.0, 2.0, 0.5}, 0);
  }

  Evaluation at(double[] theta) {
    double cost = floor;
    double[] gradient = new double[theta.length];
    for (int j = 0; j < theta.length; j++) {
      double d = theta[j] - target[j];
      cost += curvature[j] * d * d;
      gradient[j] = 2 * curvature[j] * d;
    }
    return new Evaluation(cost, gradient, 100);
  }

  @Override
  public Evaluation[] evaluate(double[][] points, long pass) {
    passes++;
    Evaluation[] result = new Evaluation[points.length];
    for (int m = 0; m < points.length; m++) {
      result[m] = at(points[m]);
    }
    return result;
  }
}
