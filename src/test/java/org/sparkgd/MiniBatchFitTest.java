package org.sparkgd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparkgd.cli.CliRunner.doubles;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkgd.cli.CliRunner;

class MiniBatchFitTest {
  private static final int ROWS = 4000;
  private static final double FRACTION = 0.1;
  private static final TestData DATA = TestData.generate(ROWS, 23);

  @TempDir
  static Path dir;
  /** The fits by name: the tests share them (each fit is 120 passes). */
  private static final java.util.Map<String, Path> FITS = new java.util.HashMap<>();

  private static Path fit(String name, long seed) {
    return fit(name, seed, 3);
  }

  /** The fit called {@code name}, made on first use; a name always means the same options. */
  private static synchronized Path fit(String name, long seed, int minPartitions) {
    Path done = FITS.get(name);
    if (done != null) {
      return done;
    }
    Path output = dir.resolve(name);
    CliRunner.Result r = CliRunner.fit(DATA.csvIn(dir), output, "--mode", "minibatch",
        "--batch-fraction", String.valueOf(FRACTION), "--learning-rate", "0.1",
        "--max-iterations", "120", "--tolerance", "0", "--seed", String.valueOf(seed),
        "--min-partitions", String.valueOf(minPartitions));
    assertEquals(0, r.exitCode(), r.err());
    FITS.put(name, output);
    return output;
  }

  @Test
  void theSameSeedGivesTheSameHistoryAndAnotherSeedDoesNot() {
    List<Row> a = CliRunner.history(fit("a", 5));
    List<Row> b = CliRunner.history(fit("b", 5));
    List<Row> c = CliRunner.history(fit("c", 6));
    assertEquals(a.size(), b.size());
    for (int k = 0; k < a.size(); k++) {
      assertEquals((double) a.get(k).getAs("cost"), (double) b.get(k).getAs("cost"), 0);
      assertEquals(a.get(k).getList(a.get(k).fieldIndex("coefficients")),
          b.get(k).getList(b.get(k).fieldIndex("coefficients")));
      assertEquals((long) a.get(k).getAs("rows"), (long) b.get(k).getAs("rows"));
    }
    assertNotEquals((double) a.get(5).getAs("cost"), (double) c.get(5).getAs("cost"));
  }

  /**
   * The sample is drawn by the rows' global positions, so another partition count draws the
   * same batches: the same sizes, and costs that differ only by the rounding of the sums
   * within partitions.
   */
  @Test
  void anotherPartitionCountDrawsTheSameBatches() {
    // 2 cache partitions against seed 5's shared fit, whose 3 are rounded up to 4.
    List<Row> two = CliRunner.history(fit("p2", 5, 2));
    List<Row> four = CliRunner.history(fit("a", 5));
    assertEquals(two.size(), four.size());
    for (int k = 0; k < two.size(); k++) {
      assertEquals((long) two.get(k).getAs("rows"), (long) four.get(k).getAs("rows"), "row " + k);
      double a = two.get(k).getAs("cost");
      assertEquals(a, (double) four.get(k).getAs("cost"), 1e-9 * Math.abs(a), "row " + k);
    }
  }

  @Test
  void batchesHoldAboutTheRequestedFractionAndVary() {
    List<Row> history = CliRunner.history(fit("c", 6));
    double expected = FRACTION * ROWS;
    double sd = Math.sqrt(expected * (1 - FRACTION));
    long total = 0;
    java.util.Set<Long> sizes = new java.util.HashSet<>();
    for (Row r : history) {
      long rows = r.getAs("rows");
      assertEquals(expected, rows, 5 * sd);
      assertEquals("batch", r.getAs("cost_scope"));
      total += rows;
      sizes.add(rows);
    }
    assertEquals(expected, (double) total / history.size(), 5 * sd / Math.sqrt(history.size()));
    assertTrue(sizes.size() > 10, "batch sizes should vary: " + sizes);
  }

  @Test
  void convergesNearTheClosedForm() {
    Path output = fit("a", 5);
    double[] expected = DATA.closedForm();
    double[] coefficients = doubles(CliRunner.model(output).get("coefficients"));
    double[] stds = doubles(CliRunner.model(output).get("standardization").get("feature_stds"));
    double labelStd = CliRunner.model(output).get("standardization").get("label_std").asDouble();
    for (int j = 0; j < 3; j++) {
      // Compare on the standardized scale, where every coefficient is O(1).
      double error = Math.abs(coefficients[j] - expected[j + 1]) * stds[j] / labelStd;
      assertTrue(error < 0.02, "feature " + j + " off by " + error);
    }
  }
}
