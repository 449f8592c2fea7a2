package org.sparkgd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparkgd.cli.CliRunner.doubles;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkgd.cli.CliRunner;
import org.sparkgd.output.HistoryWriter;

/** Batch fits through the command line, checked against the closed-form solution. */
class FitEndToEndTest {
  private static final int ROWS = 3000;
  private static final TestData DATA = TestData.generate(ROWS, 17);
  private static final String[] FAST = {"--learning-rate", "0.3", "--tolerance", "1e-15",
      "--max-iterations", "500"};

  @TempDir
  static Path dir;
  static Path csv;
  static Path output;
  static CliRunner.Result result;

  @BeforeAll
  static void fit() {
    csv = DATA.writeCsv(dir.resolve("data.csv"));
    output = dir.resolve("fit");
    result = CliRunner.fit(csv, output, FAST);
  }

  @Test
  void convergesWithExitCodeZero() {
    assertEquals(0, result.exitCode(), result.err());
    assertEquals("converged", CliRunner.model(output).get("stop_reason").asText());
    assertTrue(result.out().contains("converged"), result.out());
  }

  @Test
  void reachesTheClosedFormOnTheOriginalScale() {
    double[] expected = DATA.closedForm();
    JsonNode model = CliRunner.model(output);
    double[] actual = new double[4];
    actual[0] = model.get("intercept").asDouble();
    System.arraycopy(doubles(model.get("coefficients")), 0, actual, 1, 3);
    assertTrue(LeastSquaresReference.maxRelativeError(actual, expected, 1e-3) < 1e-6,
        java.util.Arrays.toString(actual) + " vs " + java.util.Arrays.toString(expected));
  }

  @Test
  void reachesTheClosedFormOnTheStandardizedScale() {
    JsonNode model = CliRunner.model(output);
    double[] beta = DATA.closedForm();
    double[] stds = doubles(model.get("standardization").get("feature_stds"));
    double labelStd = model.get("standardization").get("label_std").asDouble();
    double[] standardized = doubles(model.get("standardized").get("coefficients"));
    for (int j = 0; j < 3; j++) {
      double expected = beta[j + 1] * stds[j] / labelStd;
      assertEquals(expected, standardized[j], 1e-6 * Math.abs(expected), "feature " + j);
    }
    assertEquals(0, model.get("standardized").get("intercept").asDouble(), 1e-9);
  }

  @Test
  void standardizesWithTheSampleStandardDeviation() {
    JsonNode s = CliRunner.model(output).get("standardization");
    double mean = 0;
    for (double v : DATA.y) {
      mean += v / ROWS;
    }
    double ss = 0;
    for (double v : DATA.y) {
      ss += (v - mean) * (v - mean);
    }
    assertEquals(mean, s.get("label_mean").asDouble(), 1e-12 * Math.abs(mean));
    assertEquals(Math.sqrt(ss / (ROWS - 1)), s.get("label_std").asDouble(), 1e-12);
  }

  @Test
  void historyStartsAtTheStandardizedVarianceAndNeverIncreases() {
    List<Row> history = CliRunner.history(output);
    JsonNode model = CliRunner.model(output);
    assertEquals(model.get("iterations").asLong() + 1, history.size());
    // At θ = 0 the cost is (1/n) Σ z_y² = (n − 1)/n exactly.
    assertEquals((ROWS - 1.0) / ROWS, (double) history.get(0).getAs("cost"), 1e-12);
    for (int k = 1; k < history.size(); k++) {
      double before = history.get(k - 1).getAs("cost");
      double now = history.get(k).getAs("cost");
      assertTrue(now <= before * (1 + 1e-14), "cost rose at iteration " + k);
      assertEquals((long) k, (long) history.get(k).getAs("iteration"));
    }
    assertEquals(model.get("final_cost").asDouble(),
        (double) history.get(history.size() - 1).getAs("cost"), 0);
  }

  @Test
  void historyHasTheDocumentedSchema() {
    org.apache.spark.sql.types.StructType schema = SparkTestSession.get().read()
        .parquet(output.resolve("history").toString()).schema();
    assertEquals(HistoryWriter.SCHEMA.getFieldCount(), schema.fieldNames().length);
    assertEquals("string", schema.apply("run").dataType().typeName());
    assertEquals("long", schema.apply("passes").dataType().typeName());
    assertEquals("double", schema.apply("elapsed_ms").dataType().typeName());
    assertEquals("array<double>", schema.apply("coefficients").dataType().simpleString());
    Row second = CliRunner.history(output).get(1);
    assertEquals("full", second.getAs("cost_scope"));
    assertEquals(ROWS, (long) second.getAs("rows"));
    assertEquals(0.3, (double) second.getAs("step_size"), 0);
    assertEquals(2, (long) second.getAs("passes"));
    assertEquals("alpha=0.3", second.getAs("run"));
    assertEquals(3, second.getList(second.fieldIndex("coefficients")).size());
  }

  @Test
  void modelRecordsTheRunAndItsConfiguration() {
    JsonNode model = CliRunner.model(output);
    assertEquals("y", model.get("label").asText());
    assertEquals(ROWS, model.get("rows").asLong());
    assertEquals("batch", model.get("mode").asText());
    assertEquals(0.3, model.get("config").get("learning_rates").get(0).asDouble(), 0);
    assertEquals(csv.toString(), model.get("config").get("input").asText());
    assertEquals(0, model.get("constant_features").size());
  }

  @Test
  void timingsRecordEveryPhaseOfTheFit() {
    JsonNode timings = CliRunner.model(output).get("timings");
    double sum = 0;
    for (String phase : List.of("read_cache", "reference", "descent", "metrics", "outputs")) {
      double seconds = timings.get(phase).asDouble(-1);
      assertTrue(seconds >= 0, phase + " " + timings);
      sum += seconds;
    }
    // Reading and caching runs Spark jobs: never nothing.
    assertTrue(timings.get("read_cache").asDouble() > 0, timings.toString());
    // The process's start is recorded by the first fit of a process only.
    for (String start : List.of("jvm_start", "spark_start")) {
      if (timings.has(start)) {
        assertTrue(timings.get(start).asDouble() >= 0, timings.toString());
        sum += timings.get(start).asDouble();
      }
    }
    assertTrue(sum <= timings.get("total").asDouble(), timings.toString());
    assertEquals(timings.has("jvm_start"), timings.has("spark_start"));
  }

  @Test
  void thePartitionCountDoesNotChangeTheResult() {
    // A fixed number of iterations: a tolerance could stop the two fits one iteration apart.
    String[] fixed = {"--learning-rate", "0.3", "--tolerance", "0", "--max-iterations", "30"};
    Path whole = dir.resolve("fit-default-partitions");
    Path split = dir.resolve("fit-7-partitions");
    assertEquals(0, CliRunner.fit(csv, whole, fixed).exitCode());
    CliRunner.Result r = CliRunner.fit(csv, split, concat(fixed, "--min-partitions", "7"));
    assertEquals(0, r.exitCode(), r.err());
    // The cache fits the slots: one partition per core of the tests' local[2] by default,
    // the next multiple of 2 above --min-partitions otherwise.
    assertEquals(2, CliRunner.model(whole).get("partitions").asInt());
    assertEquals(8, CliRunner.model(split).get("partitions").asInt());
    List<Row> a = CliRunner.history(whole);
    List<Row> b = CliRunner.history(split);
    assertEquals(a.size(), b.size());
    for (int k = 0; k < a.size(); k++) {
      double ca = a.get(k).getAs("cost");
      double cb = b.get(k).getAs("cost");
      // Chan's merge of the column statistics over 2 or 8 partitions rounds differently in
      // the last bits (the same partition count gives the same fit to the bit: see
      // SameFitFromAnyInputTest).
      assertEquals(ca, cb, 1e-11 * ca);
    }
    double[] ta = doubles(CliRunner.model(whole).get("coefficients"));
    double[] tb = doubles(CliRunner.model(split).get("coefficients"));
    assertTrue(LeastSquaresReference.maxRelativeError(tb, ta, 0) < 1e-11);
  }

  static String[] concat(String[] a, String... b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
