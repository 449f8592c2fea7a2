package org.sparkgd.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkgd.LeastSquaresReference;
import org.sparkgd.SparkTestSession;
import org.sparkgd.TestData;
import org.sparkgd.UserError;
import org.sparkgd.cli.CliRunner;

/**
 * weightCol and fitIntercept, named as Spark's LinearRegression names them: the same fit as the
 * command line's --weight and --no-intercept, and the least-squares oracle's coefficients.
 */
class RowParamsTest {
  private static final TestData DATA = TestData.generate(1200, 41);
  private static final String[] CLI = {"--learning-rate", "0.3", "--tolerance", "1e-15",
      "--max-iterations", "400"};
  /** Conjugate gradients: the exact point in a few passes, where a fixed step takes hundreds. */
  private static final String[] CONJUGATE = {"--step", "conjugate-gradient", "--tolerance",
      "1e-15", "--max-iterations", "400"};

  @TempDir
  static Path dir;
  static Path csv;
  static Dataset<Row> frame;
  static double[] weights = new double[DATA.y.length];

  @BeforeAll
  static void write() {
    List<String> lines = new ArrayList<>(List.of("x1,x2,x3,y,w"));
    for (int i = 0; i < DATA.y.length; i++) {
      weights[i] = 1 + i % 4;
      lines.add(DATA.x[i][0] + "," + DATA.x[i][1] + "," + DATA.x[i][2] + "," + DATA.y[i] + ","
          + weights[i]);
    }
    csv = TestData.write(dir.resolve("weighted.csv"), lines);
    Dataset<Row> read = SparkTestSession.csv(csv.toString());
    frame = new VectorAssembler().setInputCols(new String[] {"x1", "x2", "x3"})
        .setOutputCol("features").transform(read);
  }

  private static GradientDescentRegressor regressor() {
    return new GradientDescentRegressor().setLabelCol("y").setLearningRate(0.3).setTol(1e-15)
        .setMaxIter(400);
  }

  private static double[] theta(GradientDescentRegressionModel m) {
    double[] all = new double[4];
    all[0] = m.intercept();
    System.arraycopy(m.coefficients().toArray(), 0, all, 1, 3);
    return all;
  }

  private static void assertSame(double[] expected, double[] actual, double tolerance) {
    assertTrue(LeastSquaresReference.maxRelativeError(actual, expected, 1e-3) < tolerance,
        java.util.Arrays.toString(actual) + " vs " + java.util.Arrays.toString(expected));
  }

  private static JsonNode cli(String name, String... options) {
    return cli(name, CLI, options);
  }

  private static JsonNode cli(String name, String[] descent, String... options) {
    Path output = dir.resolve(name);
    List<String> args = new ArrayList<>(List.of(descent));
    args.addAll(List.of(options));
    CliRunner.Result r = CliRunner.fit(csv, output, args.toArray(new String[0]));
    assertEquals(0, r.exitCode(), r.err());
    return CliRunner.model(output);
  }

  @Test
  void weightColIsWeightedLeastSquaresAsTheCommandLinesWeight() {
    GradientDescentRegressionModel m = regressor().setStep("conjugate-gradient")
        .setWeightCol("w").fit(frame);
    assertSame(LeastSquaresReference.solveWeighted(DATA.x, DATA.y, weights), theta(m), 1e-9);
    JsonNode json = cli("cli-weighted", CONJUGATE, "--weight", "w");
    assertSame(CliRunner.interceptAndCoefficients(json), theta(m), 1e-12);
    assertEquals(json.has("inference"), m.inference() != null,
        "the ML model has the inference exactly when the command line's fit has it");
  }

  @Test
  void fitInterceptFalseGoesThroughTheOriginAsNoIntercept() {
    // Through the origin the scaled design is ill-conditioned: a fixed step keeps 5 digits in
    // 400 iterations, conjugate gradients reach them in a few.
    GradientDescentRegressionModel m = new GradientDescentRegressor().setLabelCol("y")
        .setStep("conjugate-gradient").setTol(1e-15).setMaxIter(400).setFitIntercept(false)
        .fit(frame);
    assertEquals(0, m.intercept());
    double[] expected = LeastSquaresReference.solveThroughOrigin(DATA.x, DATA.y);
    double[] actual = m.coefficients().toArray();
    assertTrue(LeastSquaresReference.maxRelativeError(actual, expected, 1e-3) < 1e-4,
        java.util.Arrays.toString(actual) + " vs " + java.util.Arrays.toString(expected));
    JsonNode json = cli("cli-origin", CONJUGATE, "--no-intercept");
    assertSame(CliRunner.interceptAndCoefficients(json), theta(m), 1e-12);
  }

  @Test
  void theDefaultsAreSparksAndTheInferenceIsInTheSummary() {
    GradientDescentRegressor r = new GradientDescentRegressor();
    assertTrue(r.getFitIntercept());
    assertEquals(null, r.getWeightCol());
    // The inference is reported at the fitted θ whatever the descent's length: 15 iterations do.
    GradientDescentRegressionModel m = regressor().setMaxIter(15).fit(frame);
    assertTrue(m.summary().contains("Std. Error") && m.summary().contains("x3"), m.summary());
    assertEquals(4, m.inference().terms().size());
  }

  @Test
  void aNegativeWeightIsOneClearError() {
    Dataset<Row> negative = frame.withColumn("w", org.apache.spark.sql.functions.lit(-1.0));
    Exception e = assertThrows(Exception.class, () -> regressor().setWeightCol("w")
        .fit(negative));
    UserError user = UserError.findIn(e);
    assertTrue(user != null && user.getMessage().contains("'w'")
        && user.getMessage().contains("negative"), String.valueOf(e));
  }
}
