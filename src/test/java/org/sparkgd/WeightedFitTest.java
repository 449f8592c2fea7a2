package org.sparkgd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkgd.cli.CliRunner;

/** --weight: weighted least squares, checked against duplicated rows and the oracle. */
class WeightedFitTest {
  private static final int ROWS = 400;
  private static final TestData DATA = TestData.generate(ROWS, 31);
  private static final String[] EXACT = {"--step", "conjugate-gradient", "--max-iterations",
      "200", "--tolerance", "1e-15"};

  @TempDir
  static Path dir;

  private static double weight(int i) {
    return 1 + i % 3;
  }

  private static String row(int i) {
    double[] x = DATA.x[i];
    return String.format(Locale.ROOT, "%.17g,%.17g,%.17g,%.17g", x[0], x[1], x[2], DATA.y[i]);
  }

  @Test
  void integerWeightsEqualDuplicatedRows() {
    List<String> weighted = new ArrayList<>(List.of("x1,x2,x3,y,w"));
    List<String> duplicated = new ArrayList<>(List.of("x1,x2,x3,y"));
    double[] w = new double[ROWS];
    for (int i = 0; i < ROWS; i++) {
      w[i] = weight(i);
      weighted.add(row(i) + "," + (int) w[i]);
      for (int k = 0; k < w[i]; k++) {
        duplicated.add(row(i));
      }
    }
    Path byWeight = dir.resolve("weighted-fit");
    Path byCopies = dir.resolve("duplicated-fit");
    CliRunner.Result r = CliRunner.fit(TestData.write(dir.resolve("weighted.csv"), weighted),
        byWeight, concat(EXACT, "--weight", "w"));
    assertEquals(0, r.exitCode(), r.err());
    r = CliRunner.fit(TestData.write(dir.resolve("duplicated.csv"), duplicated), byCopies, EXACT);
    assertEquals(0, r.exitCode(), r.err());

    double[] expected = LeastSquaresReference.solveWeighted(DATA.x, DATA.y, w);
    JsonNode weightedModel = CliRunner.model(byWeight);
    JsonNode duplicatedModel = CliRunner.model(byCopies);
    double[] a = CliRunner.interceptAndCoefficients(weightedModel);
    double[] b = CliRunner.interceptAndCoefficients(duplicatedModel);
    assertTrue(LeastSquaresReference.maxRelativeError(a, expected, 1e-12) < 1e-9,
        Arrays.toString(a) + " vs " + Arrays.toString(expected));
    assertTrue(LeastSquaresReference.maxRelativeError(a, b, 1e-12) < 1e-9,
        Arrays.toString(a) + " vs duplicated " + Arrays.toString(b));
    assertInference(WeightedOls.of(DATA.x, DATA.y, w, true), weightedModel, "weighted");
    // R's weighted lm: df = n − p over the rows, not Σw, so the copies' inference differs.
    assertEquals(ROWS - 4, weightedModel.get("inference").get("df_residual").asInt());
    assertEquals(duplicated.size() - 1 - 4,
        duplicatedModel.get("inference").get("df_residual").asInt());
    JsonNode wm = weightedModel.get("metrics").get("training");
    JsonNode dm = duplicatedModel.get("metrics").get("training");
    assertEquals(dm.get("r2").asDouble(), wm.get("r2").asDouble(), 1e-12);
    assertEquals(dm.get("rmse").asDouble(), wm.get("rmse").asDouble(),
        1e-9 * dm.get("rmse").asDouble());
    // The optimal cost on the original scale (Σ w r² / Σ w): the standardized costs differ by
    // the two inputs' label spreads.
    double a2 = originalOptimum(weightedModel);
    double b2 = originalOptimum(duplicatedModel);
    assertEquals(b2, a2, 1e-9 * b2);
  }

  @Test
  void aWeightedFitThroughTheOriginHasRsInference() {
    List<String> lines = new ArrayList<>(List.of("x1,x2,x3,y,w"));
    double[] w = new double[ROWS];
    for (int i = 0; i < ROWS; i++) {
      w[i] = i % 5 == 0 ? 0 : 0.5 + (i % 4) / 3.0;
      lines.add(row(i) + "," + w[i]);
    }
    Path input = TestData.write(dir.resolve("weighted-origin.csv"), lines);
    WeightedOls expected = WeightedOls.of(DATA.x, DATA.y, w, false);
    for (String solver : List.of("normal", "gd")) {
      Path output = dir.resolve("weighted-origin-" + solver);
      CliRunner.Result r = CliRunner.fit(input, output, concat(EXACT, "--weight", "w",
          "--no-intercept", "--solver", solver));
      assertEquals(0, r.exitCode(), r.err());
      JsonNode model = CliRunner.model(output);
      assertInference(expected, model, solver);
      assertEquals(ROWS - ROWS / 5 - 3, model.get("inference").get("df_residual").asInt());
      assertTrue(r.out().contains(" on 3 and " + (ROWS - ROWS / 5 - 3) + " DF"), r.out());
    }
  }

  /** A feature may also be the weight, as in R's lm(y ~ x1 + x2 + x3, weights = x1). */
  @Test
  void aFeatureThatIsAlsoTheWeightIsBoth() {
    List<String> lines = new ArrayList<>(List.of("x1,x2,x3,y"));
    double[] w = new double[ROWS];
    for (int i = 0; i < ROWS; i++) {
      w[i] = DATA.x[i][0];
      lines.add(row(i));
    }
    Path csv = TestData.write(dir.resolve("weight-is-x1.csv"), lines);
    String parquet = SparkTestSession.csvAsParquet(csv, dir.resolve("weight-is-x1.parquet"))
        .toString();
    WeightedOls expected = WeightedOls.of(DATA.x, DATA.y, w, true);
    for (Path input : List.of(csv, Path.of(parquet))) {
      Path output = dir.resolve("weight-is-x1-fit-" + input.getFileName());
      CliRunner.Result r = CliRunner.fit(input, output, concat(EXACT, "--weight", "x1"));
      assertEquals(0, r.exitCode(), r.err());
      assertInference(expected, CliRunner.model(output), input.getFileName().toString());
    }
  }

  /** Estimates, standard errors, residual SE, R² and F against the WLS formulas. */
  private static void assertInference(WeightedOls expected, JsonNode model, String what) {
    JsonNode inference = model.get("inference");
    JsonNode terms = inference.get("terms");
    assertEquals(expected.coefficients().length, terms.size(), what);
    for (int j = 0; j < terms.size(); j++) {
      double se = expected.stdErrors()[j];
      assertEquals(expected.coefficients()[j], terms.get(j).get("estimate").asDouble(),
          1e-9 * Math.abs(expected.coefficients()[j]), what + " estimate " + j);
      assertEquals(se, terms.get(j).get("std_error").asDouble(), 1e-9 * se, what + " se " + j);
    }
    assertEquals(expected.residualStdError(), inference.get("residual_std_error").asDouble(),
        1e-9 * expected.residualStdError(), what);
    assertEquals(expected.df(), inference.get("df_residual").asLong(), what);
    assertEquals(expected.r2(), inference.get("r2").asDouble(), 1e-12, what);
    assertEquals(expected.f(), inference.get("f_statistic").asDouble(), 1e-8 * expected.f(),
        what);
  }

  @Test
  void aNegativeOrAllZeroWeightIsAOneLineError() {
    Path negative = TestData.write(dir.resolve("negative.csv"),
        "x1,x2,x3,y,w\n1,2,3,4,1\n2,3,1,5,-1\n3,1,2,6,1\n");
    CliRunner.Result r = CliRunner.fit(negative, dir.resolve("never"), "--weight", "w");
    assertEquals(3, r.exitCode(), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains("negative.csv, line 3: column 'w'") && r.err().contains("-1"),
        r.err());
    assertFalse(Files.exists(dir.resolve("never")));

    Path zero = TestData.write(dir.resolve("zero.csv"),
        "x1,x2,x3,y,w\n1,2,3,4,0\n2,3,1,5,0\n3,1,2,6,0\n");
    r = CliRunner.fit(zero, dir.resolve("never"), "--weight", "w");
    assertEquals(3, r.exitCode(), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains("every weight in column 'w' is 0"), r.err());
  }

  private static double originalOptimum(JsonNode model) {
    double std = model.get("standardization").get("label_std").asDouble();
    return model.get("exact_reference").get("optimal_objective").asDouble() * std * std;
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
