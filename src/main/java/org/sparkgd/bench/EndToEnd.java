package org.sparkgd.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sparkgd.FitJob;
import org.sparkgd.FitOutcome;
import org.sparkgd.config.FitConfig;
import org.sparkgd.config.Mode;
import org.sparkgd.data.AdvertisingData;
import org.sparkgd.data.AdvertisingGenerator;
import org.sparkgd.data.BadRowPolicy;
import org.sparkgd.data.InputFormat;

/**
 * From a CSV on disk to a converged model: sparkgd's whole fit (read, standardize, cache,
 * descend, write the outputs) against {@code ml.LinearRegression} (l-bfgs) reading the same
 * files with Spark's CSV reader. The exact least-squares solution (the normal equations, by
 * ml.LinearRegression's "normal" solver) says how close each one gets.
 */
final class EndToEnd {
  /** sparkgd's default --tolerance: the second sparkgd fit stops there. */
  static final double DEFAULT_TOLERANCE = 1e-12;

  private EndToEnd() {}

  /**
   * @param coefficients intercept first, then the features' coefficients (original scale)
   * @param iterations the descent's updates or l-bfgs's iterations
   */
  record Fit(Timing seconds, double[] coefficients, long iterations) {}

  /**
   * @param sparkgd the fit to the benchmark's tolerance
   * @param sparkgdDefault the fit to sparkgd's default tolerance, to show what the last digits
   *     cost
   */
  record Result(long rows, long csvBytes, double tolerance, Fit sparkgd, Fit sparkgdDefault,
      Fit linearRegression, double[] exact) {}

  /** Writes the CSV (a folder of part files with headers), fits both ways, deletes the CSV. */
  static Result run(SparkSession spark, Path scratch, long rows, long seed, double tolerance,
      double learningRate, int warmup, int repetitions) throws IOException {
    Path csv = scratch.resolve("advertising.csv");
    Path output = scratch.resolve("sparkgd-fit");
    try {
      AdvertisingData.write(spark, csv.toString(), rows, seed, 0, "csv", true);
      long bytes = java.nio.file.Files.walk(csv).filter(java.nio.file.Files::isRegularFile)
          .mapToLong(p -> p.toFile().length()).sum();
      Fit sparkgd = sparkgd(spark, csv, output, tolerance, learningRate, warmup, repetitions);
      Fit sparkgdDefault = sparkgd(spark, csv, output, DEFAULT_TOLERANCE, learningRate, 0,
          repetitions);
      Fit lr = linearRegression(spark, csv, "l-bfgs", tolerance, warmup, repetitions);
      Fit exact = linearRegression(spark, csv, "normal", 0, 0, 1);
      return new Result(rows, bytes, tolerance, sparkgd, sparkgdDefault, lr,
          exact.coefficients());
    } finally {
      deleteRecursively(scratch);
    }
  }

  static Fit sparkgd(SparkSession spark, Path csv, Path output, double tolerance,
      double learningRate, int warmup, int repetitions) {
    FitConfig config = new FitConfig(csv.toString(), InputFormat.CSV, ',',
        AdvertisingGenerator.LABEL, AdvertisingGenerator.FEATURES, output.toString(), true,
        Mode.BATCH, 0.1, learningRate, 100_000, tolerance, 42, 100, 2, 0, BadRowPolicy.FAIL, 0,
        null);
    FitOutcome[] last = new FitOutcome[1];
    Timing millis = Timing.measure(warmup, repetitions, () -> last[0] = FitJob.run(spark, config));
    FitOutcome outcome = last[0];
    double[] beta = outcome.model().coefficients();
    double[] coefficients = new double[beta.length + 1];
    coefficients[0] = outcome.model().intercept();
    System.arraycopy(beta, 0, coefficients, 1, beta.length);
    return new Fit(millis.scaled(1e-3), coefficients, outcome.result().updates());
  }

  static Fit linearRegression(SparkSession spark, Path csv, String solver, double tolerance,
      int warmup, int repetitions) {
    LinearRegressionModel[] last = new LinearRegressionModel[1];
    Timing millis = Timing.measure(warmup, repetitions, () -> {
      Dataset<Row> rows = spark.read().option("header", "true")
          .schema(AdvertisingData.schema()).csv(csv.toString());
      Dataset<Row> assembled = new VectorAssembler()
          .setInputCols(AdvertisingGenerator.FEATURES.toArray(String[]::new))
          .setOutputCol("features").transform(rows);
      last[0] = MllibReference.linearRegression(solver, tolerance)
          .setLabelCol(AdvertisingGenerator.LABEL).fit(assembled);
    });
    LinearRegressionModel model = last[0];
    double[] beta = model.coefficients().toArray();
    double[] coefficients = new double[beta.length + 1];
    coefficients[0] = model.intercept();
    System.arraycopy(beta, 0, coefficients, 1, beta.length);
    long iterations = solver.equals("l-bfgs") ? model.summary().totalIterations() : 0;
    return new Fit(millis.scaled(1e-3), coefficients, iterations);
  }

  /** Largest relative difference of the entries (intercept included). */
  static double maxRelativeDifference(double[] a, double[] b) {
    double worst = 0;
    for (int j = 0; j < a.length; j++) {
      worst = Math.max(worst, Math.abs(a[j] - b[j]) / Math.max(Math.abs(b[j]), Double.MIN_NORMAL));
    }
    return worst;
  }

  /** ‖a − b‖ / ‖b‖. */
  static double normRelativeDifference(double[] a, double[] b) {
    double diff = 0;
    double norm = 0;
    for (int j = 0; j < a.length; j++) {
      diff += (a[j] - b[j]) * (a[j] - b[j]);
      norm += b[j] * b[j];
    }
    return Math.sqrt(diff / norm);
  }

  static List<String> columns() {
    return List.of("intercept", "TV", "radio", "newspaper");
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!java.nio.file.Files.exists(dir)) {
      return;
    }
    try (java.util.stream.Stream<Path> paths = java.nio.file.Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        java.nio.file.Files.delete(p);
      }
    }
  }
}
