package org.sparkgd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkgd.cli.CliRunner;

/**
 * --solver normal at a width where --reference auto may skip the reference: the exact
 * answer with its inference, whatever --reference says; above the documented width one line
 * before any data is read.
 */
class WideExactFitTest {
  private static final int ROWS = 600;
  private static final int FEATURES = 230;

  @TempDir
  static Path dir;

  @Test
  void theNormalSolverWorksPastTheAutoReferenceWidth() {
    SplittableRandom random = new SplittableRandom(19);
    double[][] x = new double[ROWS][FEATURES];
    double[] y = new double[ROWS];
    double[] w = new double[ROWS];
    List<String> names = new ArrayList<>();
    for (int j = 0; j < FEATURES; j++) {
      names.add("x" + j);
    }
    List<String> lines = new ArrayList<>(List.of(String.join(",", names) + ",y,w"));
    for (int i = 0; i < ROWS; i++) {
      StringBuilder line = new StringBuilder();
      y[i] = 5 + random.nextGaussian();
      for (int j = 0; j < FEATURES; j++) {
        x[i][j] = random.nextGaussian() + j;
        y[i] += (j % 7 - 3) * 0.1 * x[i][j];
        line.append(String.format(Locale.ROOT, "%.17g,", x[i][j]));
      }
      w[i] = 1 + i % 3;
      lines.add(line.append(String.format(Locale.ROOT, "%.17g,%d", y[i], (int) w[i]))
          .toString());
    }
    Path input = TestData.write(dir.resolve("wide.csv"), lines);
    WeightedOls expected = WeightedOls.of(x, y, w, true);
    for (String reference : List.of("auto", "on")) {
      Path output = dir.resolve("wide-" + reference);
      CliRunner.Result r = CliRunner.run("fit", "--input", input.toString(), "--label", "y",
          "--features", String.join(",", names), "--weight", "w", "--solver", "normal",
          "--reference", reference, "--output", output.toString());
      assertEquals(0, r.exitCode(), r.err());
      JsonNode inference = CliRunner.model(output).get("inference");
      assertEquals(FEATURES + 1, inference.get("terms").size());
      for (int j = 0; j <= FEATURES; j++) {
        JsonNode term = inference.get("terms").get(j);
        assertEquals(expected.coefficients()[j], term.get("estimate").asDouble(),
            1e-8 * Math.max(1, Math.abs(expected.coefficients()[j])), "estimate " + j);
        assertEquals(expected.stdErrors()[j], term.get("std_error").asDouble(),
            1e-8 * expected.stdErrors()[j], "se " + j);
      }
      assertEquals(expected.r2(), inference.get("r2").asDouble(), 1e-12);
    }
  }

  @Test
  void aDesignWiderThanTheNormalSolverTakesFailsInOneLineBeforeReading() {
    List<String> names = new ArrayList<>();
    for (int j = 0; j < 4097; j++) {
      names.add("v" + j);
    }
    // The file has none of these columns: reading it would fail otherwise.
    Path input = TestData.write(dir.resolve("narrow.csv"), "a,y\n1,2\n2,3\n3,5\n");
    Path output = dir.resolve("never");
    CliRunner.Result r = CliRunner.run("fit", "--input", input.toString(), "--label", "y",
        "--features", String.join(",", names), "--solver", "normal", "--output",
        output.toString());
    assertEquals(2, r.exitCode(), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains("--solver normal takes at most 4096 features")
        && r.err().contains("got 4097"), r.err());
    assertFalse(Files.exists(output));
  }
}
