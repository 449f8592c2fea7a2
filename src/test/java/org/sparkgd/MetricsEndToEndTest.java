package org.sparkgd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparkgd.cli.CliRunner.doubles;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkgd.cli.CliRunner;
import org.sparkgd.data.DataBlock;
import org.sparkgd.data.HoldOutSplit;

/** Training and held-out metrics, checked against a direct computation from the data. */
class MetricsEndToEndTest {
  private static final int ROWS = 2000;
  private static final TestData DATA = TestData.generate(ROWS, 29);
  private static final String[] FAST = {"--learning-rate", "0.4", "--max-iterations", "40"};

  @TempDir
  static Path dir;

  /** RMSE, MAE, R² of model.json's original-scale coefficients over the chosen rows. */
  private static double[] expectedMetrics(JsonNode model, boolean[] chosen) {
    double intercept = model.get("intercept").asDouble();
    double[] beta = doubles(model.get("coefficients"));
    double n = 0;
    double mean = 0;
    for (int i = 0; i < ROWS; i++) {
      if (chosen[i]) {
        n++;
        mean += DATA.y[i];
      }
    }
    mean /= n;
    double sq = 0;
    double abs = 0;
    double total = 0;
    for (int i = 0; i < ROWS; i++) {
      if (chosen[i]) {
        double r = intercept + beta[0] * DATA.x[i][0] + beta[1] * DATA.x[i][1]
            + beta[2] * DATA.x[i][2] - DATA.y[i];
        sq += r * r;
        abs += Math.abs(r);
        total += (DATA.y[i] - mean) * (DATA.y[i] - mean);
      }
    }
    return new double[] {n, Math.sqrt(sq / n), abs / n, 1 - sq / total};
  }

  private static void assertMetrics(double[] expected, JsonNode actual) {
    assertEquals((long) expected[0], actual.get("rows").asLong());
    assertEquals(expected[1], actual.get("rmse").asDouble(), 1e-8 * expected[1], "rmse");
    assertEquals(expected[2], actual.get("mae").asDouble(), 1e-8 * expected[2], "mae");
    assertEquals(expected[3], actual.get("r2").asDouble(), 1e-9, "r2");
  }

  private static boolean[] heldOut(double fraction, long seed) {
    HoldOutSplit split = new HoldOutSplit(fraction, seed);
    boolean[] test = new boolean[ROWS];
    for (int i = 0; i < ROWS; i++) {
      DataBlock row = new DataBlock(3, DATA.x[i].clone(), new double[] {DATA.y[i]});
      test[i] = split.isTest(row, 0);
    }
    return test;
  }

  private static boolean[] not(boolean[] a) {
    boolean[] b = new boolean[a.length];
    for (int i = 0; i < a.length; i++) {
      b[i] = !a[i];
    }
    return b;
  }

  @Test
  void trainingMetricsAreOnTheOriginalScaleAndMatchTheFinalCost() {
    Path output = dir.resolve("all");
    CliRunner.Result r = CliRunner.fit(DATA.csvIn(dir), output, FAST);
    assertEquals(0, r.exitCode(), r.err());
    JsonNode model = CliRunner.model(output);
    JsonNode metrics = model.get("metrics");
    assertEquals("original", metrics.get("scale").asText());
    assertTrue(metrics.get("test").isNull());
    boolean[] all = new boolean[ROWS];
    java.util.Arrays.fill(all, true);
    assertMetrics(expectedMetrics(model, all), metrics.get("training"));
    // In batch mode the last history row's cost is J at the model's θ: RMSE = std_y · √J.
    double labelStd = model.get("standardization").get("label_std").asDouble();
    assertEquals(labelStd * Math.sqrt(model.get("final_cost").asDouble()),
        metrics.get("training").get("rmse").asDouble(), 1e-12);
    // The noise of the data is N(0, 0.5²): a good fit's RMSE is near 0.5.
    assertEquals(0.5, metrics.get("training").get("rmse").asDouble(), 0.05);
    assertTrue(r.out().matches("(?s).*training\\s+2000\\s+0\\.4\\d+\\s+0\\.\\d+\\s+0\\.9\\d+.*"),
        r.out());
  }

  @Test
  void heldOutRowsAreNeverSeenByTheFitAndGetTheirOwnMetrics() {
    Path output = dir.resolve("held-out");
    CliRunner.Result r = CliRunner.fit(DATA.csvIn(dir), output,
        FitEndToEndTest.concat(FAST, "--test-fraction", "0.25", "--seed", "7"));
    assertEquals(0, r.exitCode(), r.err());
    JsonNode model = CliRunner.model(output);
    boolean[] test = heldOut(0.25, 7);
    double[] expectedTest = expectedMetrics(model, test);
    double[] expectedTraining = expectedMetrics(model, not(test));
    assertEquals(ROWS * 0.25, expectedTest[0], 5 * Math.sqrt(ROWS * 0.25 * 0.75));
    assertEquals(ROWS - (long) expectedTest[0], model.get("rows").asLong());
    assertMetrics(expectedTest, model.get("metrics").get("test"));
    assertMetrics(expectedTraining, model.get("metrics").get("training"));
    // The standardization comes from the training rows only.
    double mean = 0;
    for (int i = 0; i < ROWS; i++) {
      mean += test[i] ? 0 : DATA.y[i] / expectedTraining[0];
    }
    assertEquals(mean, model.get("standardization").get("label_mean").asDouble(), 1e-12);
    assertEquals(0.25, model.get("config").get("test_fraction").asDouble(), 0);
    assertTrue(r.out().contains("test  "), r.out());
  }

  @Test
  void theSplitDoesNotDependOnThePartitioning() {
    Path one = dir.resolve("split-1");
    Path many = dir.resolve("split-5");
    String[] options = FitEndToEndTest.concat(FAST, "--test-fraction", "0.3", "--seed", "11");
    assertEquals(0, CliRunner.fit(DATA.csvIn(dir), one, options).exitCode());
    assertEquals(0, CliRunner.fit(DATA.csvIn(dir), many,
        FitEndToEndTest.concat(options, "--min-partitions", "5")).exitCode());
    JsonNode a = CliRunner.model(one);
    JsonNode b = CliRunner.model(many);
    assertTrue(b.get("partitions").asInt() >= 5);
    assertEquals(a.get("rows").asLong(), b.get("rows").asLong());
    assertEquals(a.get("metrics").get("test").get("rows").asLong(),
        b.get("metrics").get("test").get("rows").asLong());
    assertEquals(a.get("metrics").get("test").get("rmse").asDouble(),
        b.get("metrics").get("test").get("rmse").asDouble(), 1e-12);
  }

  @Test
  void aTestFractionOfOneOrMoreIsAUsageError() {
    CliRunner.Result r = CliRunner.fit(DATA.csvIn(dir), dir.resolve("bad"), "--test-fraction", "1");
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("--test-fraction must be in [0, 1), got 1.0"), r.err());
  }
}
