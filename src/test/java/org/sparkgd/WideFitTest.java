package org.sparkgd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkgd.cli.CliRunner;

/**
 * Wide fits with the default learning rate and no exact reference (its step from the power
 * iteration's curvature), and a descent that ends at its iteration limit.
 */
class WideFitTest {
  @TempDir
  static Path dir;

  /** n rows of d correlated features x0…, y = 1 + Σ β_j x_j + noise; returns the CSV. */
  private static Path wide(String name, int n, int d, double[][] x, double[] y) {
    SplittableRandom random = new SplittableRandom(d);
    List<String> lines = new ArrayList<>();
    StringBuilder header = new StringBuilder();
    for (int j = 0; j < d; j++) {
      header.append("x").append(j).append(',');
    }
    lines.add(header.append("y").toString());
    for (int i = 0; i < n; i++) {
      double shared = random.nextGaussian();
      StringBuilder line = new StringBuilder();
      y[i] = 1 + 0.1 * random.nextGaussian();
      for (int j = 0; j < d; j++) {
        x[i][j] = 10 + j % 7 + 0.2 * shared + (1 + j % 3) * random.nextGaussian();
        y[i] += (j % 5 - 2) * 0.3 * x[i][j];
        line.append(x[i][j]).append(',');
      }
      lines.add(line.append(y[i]).toString());
    }
    return TestData.write(dir.resolve(name + ".csv"), lines);
  }

  private static String features(int d) {
    List<String> names = new ArrayList<>();
    for (int j = 0; j < d; j++) {
      names.add("x" + j);
    }
    return String.join(",", names);
  }

  @Test
  void aWideFitWithoutTheReferenceTakesItsStepFromTheCurvatureEstimate() {
    int n = 2000;
    int d = 200;
    double[][] x = new double[n][d];
    double[] y = new double[n];
    Path csv = wide("wide", n, d, x, y);
    Path output = dir.resolve("wide-fit");
    CliRunner.Result r = CliRunner.run("fit", "--input", csv.toString(), "--label", "y",
        "--features", features(d), "--output", output.toString(), "--reference", "off");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode model = CliRunner.model(output);
    assertEquals("converged", model.get("stop_reason").asText(), r.out());
    assertEquals("--reference off", model.get("reference_choice").asText());
    assertTrue(r.out().contains("exact reference: --reference off"), r.out());
    double[] expected = LeastSquaresReference.solve(x, y);
    double[] actual = CliRunner.interceptAndCoefficients(model);
    double error = 0;
    double norm = 0;
    for (int j = 0; j < expected.length; j++) {
      error += (actual[j] - expected[j]) * (actual[j] - expected[j]);
      norm += expected[j] * expected[j];
    }
    assertTrue(Math.sqrt(error / norm) < 1e-6, "relative error " + Math.sqrt(error / norm));
    // Every term is printed, as R does.
    assertTrue(r.out().contains("\n  x199 "), r.out());
  }

  /**
   * The generated data's condition number is about 10: after 100 iterations of the safe step
   * its relative gap is about 3e-8, while the default stop rule (every coefficient within 1e-12
   * of the optimum) is still far. (NIST's Pontius shows the same at 1000 iterations.)
   */
  @Test
  void aDescentAtItsIterationLimitSaysItDidNotConvergeWhateverTheGap() {
    Path csv = TestData.generate(2000, 77).writeCsv(dir.resolve("limit.csv"));
    Path output = dir.resolve("limit-fit");
    CliRunner.Result r = CliRunner.run("fit", "--input", csv.toString(), "--label", "y",
        "--features", "x1,x2,x3", "--output", output.toString(), "--max-iterations", "100");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode model = CliRunner.model(output);
    assertEquals("max_iterations", model.get("stop_reason").asText());
    double gap = model.get("exact_reference").get("optimality_gap").asDouble()
        / model.get("exact_reference").get("optimal_objective").asDouble();
    assertTrue(gap < 1e-6, "the gap alone would not warn: " + gap);
    String warnings = model.get("warnings").toString();
    assertTrue(warnings.contains("did not converge") && warnings.contains("--max-iterations 100 ")
        && warnings.contains("--step conjugate-gradient") && warnings.contains("--solver normal"),
        warnings);
    assertTrue(r.out().contains("warning: the descent did not converge"), r.out());
    // Asked for exactly this many iterations (no stop rule): nothing to warn about.
    CliRunner.Result fixed = CliRunner.run("fit", "--input", csv.toString(), "--label", "y",
        "--features", "x1,x2,x3", "--output", dir.resolve("limit-fixed").toString(),
        "--tolerance", "0", "--max-iterations", "5");
    assertEquals(0, fixed.exitCode(), fixed.err());
    assertTrue(!fixed.out().contains("did not converge"), fixed.out());
  }
}
