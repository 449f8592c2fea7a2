package org.sparkgd.bench;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.regression.LinearRegression;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.mllib.optimization.GradientDescent;
import org.apache.spark.mllib.optimization.LeastSquaresGradient;
import org.apache.spark.mllib.optimization.SimpleUpdater;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.sparkgd.data.DataBlock;
import org.sparkgd.data.TrainingData;
import scala.Tuple2;

/**
 * MLlib on the same standardized rows, as the reference sparkgd is measured against:
 * {@code GradientDescent.runMiniBatchSGD} on an RDD of (label, vector) and
 * {@code ml.regression.LinearRegression} on a DataFrame. Both are cached as MLlib's users cache
 * them (deserialized in memory).
 */
final class MllibReference implements AutoCloseable {
  private static final double SGD_STEP = 0.1;

  private final JavaRDD<Tuple2<Object, Vector>> pairs;
  private final int numWeights;
  private Dataset<Row> frame;

  /** Every row as (label, (z_1, …, z_d, 1)): MLlib's own way to fit an intercept. */
  MllibReference(TrainingData data) {
    this.numWeights = data.numFeatures() + 1;
    this.pairs = data.blocks().flatMap(MllibReference::pairsOf);
    pairs.setName("MLlib reference: (label, vector) rows").persist(StorageLevel.MEMORY_ONLY());
    pairs.count();
  }

  JavaRDD<Tuple2<Object, Vector>> pairs() {
    return pairs;
  }

  private static java.util.Iterator<Tuple2<Object, Vector>> pairsOf(DataBlock block) {
    int d = block.numFeatures();
    List<Tuple2<Object, Vector>> rows = new ArrayList<>(block.rows());
    for (int i = 0; i < block.rows(); i++) {
      double[] v = new double[d + 1];
      System.arraycopy(block.features(), i * d, v, 0, d);
      v[d] = 1.0;
      rows.add(new Tuple2<>(block.labels()[i], Vectors.dense(v)));
    }
    return rows.iterator();
  }

  /** {@code runMiniBatchSGD} with least squares and plain steps; the tolerance never stops it. */
  void runSgd(int iterations, double fraction) {
    GradientDescent.runMiniBatchSGD(pairs.rdd(), new LeastSquaresGradient(), new SimpleUpdater(),
        SGD_STEP, iterations, 0.0, fraction, Vectors.zeros(numWeights), 0.0);
  }

  /**
   * The time of one iteration, as the difference of a short and a long run divided by the
   * difference of their lengths, so that the fixed cost of a run (its count of the data, its
   * set-up) cancels.
   */
  Timing sgdIteration(double fraction, int shortRun, int longRun, int warmup, int repetitions) {
    for (int i = 0; i < warmup; i++) {
      runSgd(shortRun, fraction);
    }
    double[] perIteration = new double[repetitions];
    for (int r = 0; r < repetitions; r++) {
      double shortMillis = Timing.measure(0, 1, () -> runSgd(shortRun, fraction)).median();
      double longMillis = Timing.measure(0, 1, () -> runSgd(longRun, fraction)).median();
      perIteration[r] = (longMillis - shortMillis) / (longRun - shortRun);
    }
    return new Timing(perIteration);
  }

  /** The same rows as a cached DataFrame of (label, features) for ml.LinearRegression. */
  Dataset<Row> frame(SparkSession spark) {
    if (frame == null) {
      StructType schema = new StructType()
          .add("label", DataTypes.DoubleType, false)
          .add("features", SQLDataTypes.VectorType(), false);
      JavaRDD<Row> rows = pairs.map(p -> {
        double[] v = p._2().toArray();
        return RowFactory.create(p._1(), org.apache.spark.ml.linalg.Vectors.dense(
            java.util.Arrays.copyOf(v, v.length - 1)));
      });
      frame = spark.createDataFrame(rows, schema).persist(StorageLevel.MEMORY_ONLY());
      frame.count();
    }
    return frame;
  }

  /** ml.LinearRegression without regularization, to {@code tolerance}. */
  static LinearRegression linearRegression(String solver, double tolerance) {
    return new LinearRegression().setSolver(solver).setRegParam(0.0).setElasticNetParam(0.0)
        .setTol(tolerance).setMaxIter(10_000);
  }

  /** Fit times (ms) of ml.LinearRegression; {@code lastFit} receives the model of the last fit. */
  Timing linearRegressionFit(SparkSession spark, String solver, double tolerance, int warmup,
      int repetitions, LinearRegressionModel[] lastFit) {
    Dataset<Row> df = frame(spark);
    return Timing.measure(warmup, repetitions,
        () -> lastFit[0] = linearRegression(solver, tolerance).fit(df));
  }

  @Override
  public void close() {
    if (frame != null) {
      frame.unpersist(false);
    }
    pairs.unpersist(false);
  }
}
