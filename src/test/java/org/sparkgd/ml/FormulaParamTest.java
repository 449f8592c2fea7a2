package org.sparkgd.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
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

/** The estimator's {@code formula} Param against {@code sparkgd fit --formula} on the same rows. */
class FormulaParamTest {
  private static final String FORMULA = "y ~ a * b + region";
  private static final List<String> REGIONS = List.of("west", "east", "north");
  /**
   * Both sides stop by the same rule, looser than the default 1e-12, and take conjugate-gradient
   * steps: a handful of passes where the safe step takes hundreds (the design, not the
   * optimizer, is under test).
   */
  private static final double TOLERANCE = 1e-6;
  private static final String STEP = "conjugate-gradient";

  @TempDir
  static Path dir;
  static Path rowsFile;
  static Dataset<Row> rows;
  /** The formula's design (a, b, regionnorth, regionwest, a:b), label and weights, by row. */
  static final double[][] design = new double[600][];
  static final double[] labels = new double[600];
  static final double[] weights = new double[600];

  /**
   * y = 1 + 2a − b + 0.5ab + a region's shift + noise; {@code id} keeps the rows' order, and
   * {@code w} (1, 2 or 3) weighs them when asked.
   */
  @BeforeAll
  static void write() {
    Random random = new Random(19);
    List<String> lines = new ArrayList<>(List.of("id,a,b,region,w,y"));
    for (int i = 0; i < 600; i++) {
      double a = 4 * random.nextDouble();
      double b = 10 * random.nextDouble() - 5;
      int region = random.nextInt(3);
      double y = 1 + 2 * a - b + 0.5 * a * b + (region - 1) * 1.5 + random.nextGaussian();
      String line = String.format(Locale.ROOT, "%d,%.6f,%.6f,%s,%d,%.6f", i, a, b,
          REGIONS.get(region), 1 + i % 3, y);
      lines.add(line);
      // The oracle reads the values as written (6 decimals), as the fits do.
      String[] written = line.split(",");
      double aWritten = Double.parseDouble(written[1]);
      double bWritten = Double.parseDouble(written[2]);
      design[i] = new double[] {aWritten, bWritten, region == 2 ? 1 : 0, region == 0 ? 1 : 0,
          aWritten * bWritten};
      weights[i] = 1 + i % 3;
      labels[i] = Double.parseDouble(written[5]);
    }
    rowsFile = TestData.write(dir.resolve("rows.csv"), lines);
    rows = SparkTestSession.csv(rowsFile.toString());
  }

  private static Path cliFit(String name, String... options) {
    Path output = dir.resolve(name);
    List<String> args = new ArrayList<>(List.of("fit", "--input", rowsFile.toString(),
        "--formula", FORMULA, "--output", output.toString(), "--tolerance",
        String.valueOf(TOLERANCE), "--step", STEP));
    args.addAll(List.of(options));
    CliRunner.Result r = CliRunner.run(args.toArray(new String[0]));
    assertEquals(0, r.exitCode(), r.err());
    return output;
  }

  private static void assertSameCoefficients(GradientDescentRegressionModel ml, Path cli) {
    JsonNode json = CliRunner.model(cli);
    List<String> features = new ArrayList<>();
    json.get("features").forEach(f -> features.add(f.asText()));
    assertEquals(features, ml.linearModel().features());
    double[] expected = CliRunner.interceptAndCoefficients(json);
    double[] actual = new double[expected.length];
    actual[0] = ml.intercept();
    System.arraycopy(ml.coefficients().toArray(), 0, actual, 1, expected.length - 1);
    assertTrue(LeastSquaresReference.maxRelativeError(actual, expected, 1e-9) < 1e-12,
        Arrays.toString(actual) + " vs " + Arrays.toString(expected));
    assertEquals(json.get("iterations").asLong(), ml.iterations());
  }

  @Test
  void theFitIsTheCommandLinesAndSoAreItsPredictions() {
    assertEquals(null, new GradientDescentRegressor().getFormula(), "unset by default");
    Path cli = cliFit("cli");
    GradientDescentRegressionModel ml = new GradientDescentRegressor().setFormula(FORMULA)
        .setTol(TOLERANCE).setStep(STEP).fit(rows);
    assertSameCoefficients(ml, cli);
    // a, b, the two dummies of region (east is the reference, as R sorts), a:b
    assertEquals(List.of("a", "b", "regionnorth", "regionwest", "a:b"),
        ml.linearModel().features());
    assertTrue(ml.summary().contains("regionwest"), ml.summary());

    Path predicted = dir.resolve("cli-predicted");
    CliRunner.Result r = CliRunner.run("predict", "--model", cli.toString(), "--input",
        rowsFile.toString(), "--output", predicted.toString());
    assertEquals(0, r.exitCode(), r.err());
    List<Row> expected = SparkTestSession.csv(predicted.toString()).orderBy("id")
        .select("id", "prediction").collectAsList();
    List<Row> actual = ml.transform(rows.drop("y")).orderBy("id").select("id", "prediction")
        .collectAsList();
    assertEquals(600, actual.size());
    for (int i = 0; i < actual.size(); i++) {
      assertEquals(expected.get(i).getInt(0), actual.get(i).getInt(0));
      double p = expected.get(i).getDouble(1);
      assertEquals(p, actual.get(i).getDouble(1), 1e-12 * Math.max(1, Math.abs(p)));
    }
  }

  @Test
  void fitInterceptFalseIsTheFormulaThroughTheOrigin() {
    Path cli = cliFit("cli-origin", "--no-intercept");
    GradientDescentRegressionModel ml = new GradientDescentRegressor().setFormula(FORMULA)
        .setTol(TOLERANCE).setStep(STEP).setFitIntercept(false).fit(rows);
    assertEquals(0.0, ml.intercept());
    // Without an intercept every level of the first factor gets its own column, as in R.
    assertEquals(List.of("a", "b", "regioneast", "regionnorth", "regionwest", "a:b"),
        ml.linearModel().features());
    assertSameCoefficients(ml, cli);
  }

  @Test
  void weightColWithTheFormulaIsTheCommandLinesWeightedFit() {
    Path cli = cliFit("cli-weighted", "--weight", "w");
    GradientDescentRegressionModel ml = new GradientDescentRegressor().setFormula(FORMULA)
        .setTol(TOLERANCE).setStep(STEP).setWeightCol("w").fit(rows);
    assertSameCoefficients(ml, cli);
    double[] theta = CliRunner.interceptAndCoefficients(CliRunner.model(cli));
    double[] expected = LeastSquaresReference.solveWeighted(design, labels, weights);
    assertTrue(LeastSquaresReference.maxRelativeError(theta, expected, 1e-3) < 1e-6,
        Arrays.toString(theta) + " vs " + Arrays.toString(expected));
  }

  @Test
  void aSavedAndLoadedModelKeepsItsDesignAndPredictsIdentically() throws java.io.IOException {
    GradientDescentRegressionModel ml = new GradientDescentRegressor().setFormula(FORMULA)
        .setMaxIter(20).fit(rows);
    String path = dir.resolve("saved").toString();
    ml.write().save(path);
    GradientDescentRegressionModel loaded = GradientDescentRegressionModel.load(path);
    assertEquals(FORMULA, loaded.design().formula());
    assertEquals(ml.transform(rows).orderBy("id").select("prediction").collectAsList(),
        loaded.transform(rows).orderBy("id").select("prediction").collectAsList());
  }

  @Test
  void anUnknownColumnIsOneLineNamingIt() {
    Exception e = assertThrows(Exception.class, () -> new GradientDescentRegressor()
        .setFormula("y ~ a + regoin").fit(rows));
    UserError user = UserError.findIn(e);
    assertTrue(user != null && user.getMessage().contains("'regoin'")
        && user.getMessage().contains("region")
        && user.getMessage().lines().count() == 1, String.valueOf(e));
  }

  @Test
  void anUnseenLevelAtTransformIsOneLineNamingIt() {
    GradientDescentRegressionModel ml = new GradientDescentRegressor().setFormula(FORMULA)
        .setMaxIter(5).fit(rows);
    Dataset<Row> unseen = rows.limit(3).withColumn("region",
        org.apache.spark.sql.functions.lit("south"));
    Exception e = assertThrows(Exception.class, () -> ml.transform(unseen).collectAsList());
    UserError user = UserError.findIn(e);
    assertTrue(user != null && user.getMessage().contains("'region'")
        && user.getMessage().contains("'south'")
        && user.getMessage().lines().count() == 1, String.valueOf(e));
  }
}
