package org.sparkgd.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.junit.jupiter.api.Test;
import org.sparkgd.SparkTestSession;
import org.sparkgd.data.DataBlock;
import org.sparkgd.optim.Evaluation;

class LeastSquaresAggregatorTest {
  private static final int ROWS = 103;
  private static final int D = 3;
  private final double[][] x = new double[ROWS][D];
  private final double[] y = new double[ROWS];
  private final double[] theta = {0.3, -1.2, 0.8, 2.5};

  LeastSquaresAggregatorTest() {
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < ROWS; i++) {
      for (int j = 0; j < D; j++) {
        x[i][j] = random.nextGaussian();
      }
      y[i] = random.nextGaussian();
    }
  }

  /** The rows cut into blocks of {@code blockRows}. */
  private List<DataBlock> blocks(int blockRows) {
    List<DataBlock> blocks = new ArrayList<>();
    for (int start = 0; start < ROWS; start += blockRows) {
      int n = Math.min(blockRows, ROWS - start);
      double[] features = new double[n * D];
      double[] labels = new double[n];
      for (int i = 0; i < n; i++) {
        System.arraycopy(x[start + i], 0, features, i * D, D);
        labels[i] = y[start + i];
      }
      blocks.add(new DataBlock(D, features, labels));
    }
    return blocks;
  }

  private Evaluation evaluate(double[] at, int blockRows, int partitions) {
    return evaluateAll(new double[][] {at}, blockRows, partitions, null)[0];
  }

  private Evaluation[] evaluateAll(double[][] points, int blockRows, int partitions,
      MiniBatchSampler sampler) {
    JavaRDD<DataBlock> rdd = SparkTestSession.jsc().parallelize(blocks(blockRows), partitions);
    Broadcast<double[][]> b = SparkTestSession.jsc().broadcast(points);
    try {
      return rdd.treeAggregate(new LeastSquaresAggregator(D, points.length, b, sampler),
          LeastSquaresAggregator::add, LeastSquaresAggregator::merge, 2).evaluations();
    } finally {
      b.destroy();
    }
  }

  @Test
  void costAndGradientMatchAHandComputation() {
    double cost = 0;
    double[] gradient = new double[D + 1];
    for (int i = 0; i < ROWS; i++) {
      double prediction = theta[0];
      for (int j = 0; j < D; j++) {
        prediction += theta[j + 1] * x[i][j];
      }
      double r = prediction - y[i];
      cost += r * r / ROWS;
      gradient[0] += 2 * r / ROWS;
      for (int j = 0; j < D; j++) {
        gradient[j + 1] += 2 * r * x[i][j] / ROWS;
      }
    }
    Evaluation e = evaluate(theta, 10, 3);
    assertEquals(ROWS, e.rows());
    assertEquals(cost, e.cost(), 1e-12 * cost);
    assertArrayEquals(gradient, e.gradient(), 1e-12);
  }

  @Test
  void gradientMatchesCentralDifferences() {
    Evaluation e = evaluate(theta, 16, 2);
    double h = 1e-5;
    for (int j = 0; j <= D; j++) {
      double[] up = theta.clone();
      double[] down = theta.clone();
      up[j] += h;
      down[j] -= h;
      double numerical = (evaluate(up, 16, 2).cost() - evaluate(down, 16, 2).cost()) / (2 * h);
      assertEquals(numerical, e.gradient()[j], 1e-6 * Math.max(1, Math.abs(numerical)),
          "component " + j);
    }
  }

  @Test
  void blockAndPartitionCountsDoNotChangeTheResult() {
    Evaluation reference = evaluate(theta, ROWS, 1);
    for (int blockRows : new int[] {1, 7, 50}) {
      for (int partitions : new int[] {1, 2, 5, 16}) {
        Evaluation e = evaluate(theta, blockRows, partitions);
        assertEquals(reference.cost(), e.cost(), 1e-12 * reference.cost());
        for (int j = 0; j <= D; j++) {
          assertEquals(reference.gradient()[j], e.gradient()[j],
              1e-12 * Math.abs(reference.gradient()[j]));
        }
      }
    }
  }

  @Test
  void miniBatchesUseOnlySampledRowsAndAreReproducible() {
    MiniBatchSampler sampler = new MiniBatchSampler(0.3, 9, 4, ROWS, 4);
    Evaluation first = evaluateAll(new double[][] {theta}, 10, 4, sampler)[0];
    Evaluation again = evaluateAll(new double[][] {theta}, 10, 4, sampler)[0];
    assertTrue(first.rows() > 0 && first.rows() < ROWS, "" + first.rows());
    assertEquals(first.rows(), again.rows());
    assertEquals(first.cost(), again.cost(), 0);
    assertArrayEquals(first.gradient(), again.gradient(), 0);
  }

  @Test
  void severalPointsInOnePassEqualOnePassEach() {
    double[][] points = {theta, {0, 0, 0, 0}, {1, 2, 3, 4}};
    for (MiniBatchSampler sampler : new MiniBatchSampler[] {null,
        new MiniBatchSampler(0.4, 3, 2, ROWS, 3)}) {
      Evaluation[] together = evaluateAll(points, 9, 3, sampler);
      for (int m = 0; m < points.length; m++) {
        Evaluation alone = evaluateAll(new double[][] {points[m]}, 9, 3, sampler)[0];
        assertEquals(alone.cost(), together[m].cost(), 0);
        assertArrayEquals(alone.gradient(), together[m].gradient(), 0);
        assertEquals(alone.rows(), together[m].rows());
      }
    }
  }

  @Test
  void mergeRefusesAnotherShape() {
    Broadcast<double[][]> b = SparkTestSession.jsc().broadcast(new double[][] {theta});
    try {
      LeastSquaresAggregator a = new LeastSquaresAggregator(3, 1, b, null);
      LeastSquaresAggregator other = new LeastSquaresAggregator(2, 1, b, null);
      org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
          () -> a.merge(other));
    } finally {
      b.destroy();
    }
  }
}
