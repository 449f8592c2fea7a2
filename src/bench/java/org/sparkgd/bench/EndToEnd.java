package org.sparkgd.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sparkgd.cli.SparkGd;
import org.sparkgd.config.FitConfig;
import org.sparkgd.data.AdvertisingGenerator;
import org.sparkgd.job.FitJob;
import org.sparkgd.job.FitOutcome;
import org.sparkgd.job.GenerateJob;

/**
 * From a CSV on disk to a converged model: sparkgd's whole fit (read, standardize, cache,
 * descend, write the outputs) against {@code ml.LinearRegression} (l-bfgs) reading the same
 * files with Spark's CSV reader. The exact least-squares solution (the normal equations, by
 * ml.LinearRegression's "normal" solver) says how close each one gets.
 */
final class EndToEnd {
  /** The fit options besides the tolerance of the second sparkgd fit. */
  static final List<String> CONJUGATE = List.of("--step", "conjugate-gradient");

  private EndToEnd() {}

  /**
   * @param coefficients intercept first, then the features' coefficients (original scale)
   * @param iterations the descent's updates or l-bfgs's iterations
   */
  record Fit(Timing seconds, double[] coefficients, long iterations) {}

  /**
   * @param sparkgd sparkgd with its default options (plain descent, safe step 1/L)
   * @param sparkgdConjugate sparkgd with {@link #CONJUGATE}
   */
  record Result(long rows, long csvBytes, double tolerance, Fit sparkgd, Fit sparkgdConjugate,
      Fit linearRegression, double[] exact) {}

  /** Writes the CSV (a folder of part files with headers), fits both ways, deletes the CSV. */
  static Result run(SparkSession spark, Path scratch, long rows, long seed, double tolerance,
      int warmup, int repetitions) throws IOException {
    Path csv = scratch.resolve("advertising.csv");
    Path output = scratch.resolve("sparkgd-fit");
    try {
      GenerateJob.write(spark.sparkContext(), csv.toString(), rows, seed, 0, "csv", true);
      long bytes = java.nio.file.Files.walk(csv).filter(java.nio.file.Files::isRegularFile)
          .mapToLong(p -> p.toFile().length()).sum();
      Fit sparkgd = sparkgd(spark, csv, output, tolerance, List.of(), warmup, repetitions);
      Fit conjugate = sparkgd(spark, csv, output, tolerance, CONJUGATE, warmup, repetitions);
      Fit lr = linearRegression(spark, csv, "l-bfgs", tolerance, warmup, repetitions);
      Fit exact = linearRegression(spark, csv, "normal", 0, 0, 1);
      return new Result(rows, bytes, tolerance, sparkgd, conjugate, lr, exact.coefficients());
    } finally {
      Processes.deleteTree(scratch);
    }
  }

  /** {@code sparkgd fit} on the CSV, as its command line would run it, with extra options. */
  static Fit sparkgd(SparkSession spark, Path csv, Path output, double tolerance,
      List<String> options, int warmup, int repetitions) {
    List<String> args = new java.util.ArrayList<>(List.of("--input", csv.toString(), "--label",
        AdvertisingGenerator.LABEL, "--features", String.join(",", AdvertisingGenerator.FEATURES),
        "--output", output.toString(), "--overwrite", "--tolerance", Double.toString(tolerance)));
    args.addAll(options);
    FitConfig config = SparkGd.fitConfig(args.toArray(String[]::new));
    FitOutcome[] last = new FitOutcome[1];
    Timing millis = Timing.measure(warmup, repetitions,
        () -> last[0] = FitJob.run(spark.sparkContext(), config));
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
          .schema(GenerateJob.schema()).csv(csv.toString());
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
}
