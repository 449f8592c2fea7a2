package org.sparkgd.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparkgd.cli.CliRunner.doubles;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkgd.LeastSquaresReference;
import org.sparkgd.TestData;
import org.sparkgd.cli.CliRunner;

/** The optimizer options through the command line, on data with a known exact answer. */
class OptimizersEndToEndTest {
  private static final TestData DATA = TestData.generate(2000, 77);

  @TempDir
  static Path dir;
  static Path csv;
  static double[] exact;

  @BeforeAll
  static void write() {
    csv = DATA.writeCsv(dir.resolve("data.csv"));
    exact = DATA.closedForm();
  }

  private static JsonNode fit(String name, String... options) {
    Path output = dir.resolve(name);
    CliRunner.Result r = CliRunner.fit(csv, output, options);
    assertEquals(0, r.exitCode(), r.err());
    return CliRunner.model(output);
  }

  private static double[] originalTheta(JsonNode model) {
    double[] theta = new double[4];
    theta[0] = model.get("intercept").asDouble();
    System.arraycopy(doubles(model.get("coefficients")), 0, theta, 1, 3);
    return theta;
  }

  @Test
  void theNormalSolverIsExact() {
    JsonNode model = fit("normal", "--solver", "normal");
    assertTrue(LeastSquaresReference.maxRelativeError(originalTheta(model), exact, 1e-3) < 1e-9);
    assertEquals(0, model.get("iterations").asInt());
    assertEquals("normal", model.get("best_run").asText());
  }

  @Test
  void withoutALearningRateTheFastestStepConvergesAndTheGapIsReported() {
    // The gap shrinks by about ((L − μ)/(L + μ))² an iteration: 150 are plenty.
    JsonNode model = fit("auto", "--tolerance", "0", "--max-iterations", "150");
    JsonNode reference = model.get("exact_reference");
    double optimum = reference.get("optimal_objective").asDouble();
    double lipschitz = reference.get("largest_curvature").asDouble();
    double smallest = reference.get("smallest_curvature").asDouble();
    assertTrue(smallest > 0 && smallest < lipschitz, reference.toString());
    assertEquals(1 / lipschitz, reference.get("safe_step").asDouble(), 1e-15);
    assertEquals(2 / (lipschitz + smallest), reference.get("fastest_step").asDouble(), 1e-15);
    assertTrue(reference.get("optimality_gap").asDouble() < 1e-10 * optimum,
        reference.toString());
    assertTrue(LeastSquaresReference.maxRelativeError(originalTheta(model), exact, 1e-3) < 1e-6);
    List<Row> history = CliRunner.history(dir.resolve("auto"));
    double step = reference.get("fastest_step").asDouble();
    assertEquals(step, (double) history.get(1).getAs("step_size"), 0);
    for (int k = 1; k < history.size(); k++) {
      double gap = history.get(k).getAs("optimality_gap");
      double cost = history.get(k).getAs("cost");
      assertEquals(cost - optimum, gap, 1e-15);
      assertTrue(gap >= -1e-14 * optimum, "the optimum is a lower bound: " + gap);
      double before = history.get(k - 1).getAs("optimality_gap");
      // Rounding: the standardized cost starts near 1 and is a sum of n terms.
      assertTrue(gap <= before + 1e-15,
          "a step below 2/L lowers the cost every iteration (to rounding): " + k + ": " + before
              + " then " + gap);
    }
  }

  @Test
  void ridgeMatchesTheClosedFormOnTheStandardizedScale() {
    double lambda = 0.3;
    // κ ≈ 4.4 with the penalty: after 110 iterations the error is about 2e-9 (the bound: 1e-7).
    JsonNode model = fit("ridge", "--penalty", "l2", "--lambda", String.valueOf(lambda),
        "--tolerance", "0", "--max-iterations", "110");
    JsonNode normal = fit("ridge-normal", "--penalty", "l2", "--lambda", String.valueOf(lambda),
        "--solver", "normal");
    // Standardize the test data independently and solve ridge there.
    int n = DATA.y.length;
    double[][] z = new double[n][3];
    double[] yz = new double[n];
    double[] mean = new double[4];
    double[] sd = new double[4];
    for (int c = 0; c < 4; c++) {
      for (int i = 0; i < n; i++) {
        mean[c] += (c < 3 ? DATA.x[i][c] : DATA.y[i]) / n;
      }
      for (int i = 0; i < n; i++) {
        double v = (c < 3 ? DATA.x[i][c] : DATA.y[i]) - mean[c];
        sd[c] += v * v / (n - 1);
      }
      sd[c] = Math.sqrt(sd[c]);
    }
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < 3; c++) {
        z[i][c] = (DATA.x[i][c] - mean[c]) / sd[c];
      }
      yz[i] = (DATA.y[i] - mean[3]) / sd[3];
    }
    double[] expected = OptimizerConvergenceTest.ridge(
        new OptimizerConvergenceTest.LeastSquares(z, yz), lambda);
    double[] gd = doubles(model.get("standardized").get("coefficients"));
    double[] solved = doubles(normal.get("standardized").get("coefficients"));
    for (int j = 0; j < 3; j++) {
      assertEquals(expected[j + 1], gd[j], 1e-7, "gd feature " + j);
      assertEquals(expected[j + 1], solved[j], 1e-9, "normal feature " + j);
    }
  }

  @Test
  void lassoZeroesWeakCoefficientsExactly() {
    // The zeros are exact from about the 10th iteration, the rest settled by the 80th.
    JsonNode model = fit("lasso", "--penalty", "l1", "--lambda", "0.2", "--tolerance", "0",
        "--max-iterations", "60", "--learning-rate", "0.2");
    double[] standardized = doubles(model.get("standardized").get("coefficients"));
    long zeros = java.util.Arrays.stream(standardized).filter(c -> c == 0).count();
    assertTrue(zeros >= 1 && zeros < 3, java.util.Arrays.toString(standardized));
    assertTrue(model.get("final_objective").asDouble() > model.get("final_cost").asDouble());
  }

  @Test
  void aSweepFitsEveryRateInTheSamePassesAndMarksTheBest() {
    JsonNode model = fit("sweep", "--learning-rate", "0.3,0.03,0.003", "--tolerance", "0",
        "--max-iterations", "20");
    List<Row> history = CliRunner.history(dir.resolve("sweep"));
    Map<String, Long> rowsPerRun = history.stream()
        .collect(Collectors.groupingBy(r -> (String) r.getAs("run"), Collectors.counting()));
    assertEquals(Map.of("alpha=0.3", 21L, "alpha=0.03", 21L, "alpha=0.003", 21L), rowsPerRun);
    long passes = history.stream().mapToLong(r -> r.getAs("passes")).max().orElseThrow();
    assertEquals(21, passes, "three models, one pass per iteration");
    assertEquals("alpha=0.3", model.get("best_run").asText());
    assertEquals(3, model.get("runs").size());
    assertTrue(model.get("runs").get(0).get("best").asBoolean());
    JsonNode single = fit("single-0.03", "--learning-rate", "0.03", "--tolerance", "0",
        "--max-iterations", "20");
    assertEquals(single.get("coefficients"), model.get("runs").get(1).get("coefficients"),
        "a run in a sweep ends exactly where it ends alone");
  }

  @Test
  void lineSearchWithAGradientCheckConvergesInFewPasses() {
    JsonNode model = fit("line-search", "--step", "line-search", "--gradient-check",
        "--tolerance", "1e-14");
    assertTrue(LeastSquaresReference.maxRelativeError(originalTheta(model), exact, 1e-3) < 1e-6);
    JsonNode checks = model.get("gradient_check_max_relative_difference");
    assertEquals(2, checks.size());
    for (JsonNode c : checks) {
      assertTrue(c.asDouble() < 1e-6, checks.toString());
    }
    assertTrue(model.get("iterations").asInt() < 200, model.get("iterations").toString());
  }

  @Test
  void conjugateGradientsReachTheExactSolutionInAFewPasses() {
    JsonNode model = fit("conjugate", "--step", "conjugate-gradient", "--tolerance", "0",
        "--max-iterations", "50");
    assertEquals("converged", model.get("stop_reason").asText());
    assertTrue(LeastSquaresReference.maxRelativeError(originalTheta(model), exact, 1e-3) < 1e-9);
    List<Row> history = CliRunner.history(dir.resolve("conjugate"));
    long passes = history.stream().mapToLong(r -> r.getAs("passes")).max().orElseThrow();
    assertTrue(passes <= 8, "4 parameters, about one pass each: " + passes);
  }

  @Test
  void optimizerOptionsAreCheckedAsUsageErrors() {
    for (String[] bad : List.of(new String[] {"--step", "line-search", "--update", "adam"},
        new String[] {"--penalty", "l1"}, new String[] {"--solver", "normal", "--penalty", "l1",
            "--lambda", "1"}, new String[] {"--schedule", "sometimes"},
        new String[] {"--learning-rate", "fast"},
        new String[] {"--step", "conjugate-gradient", "--mode", "minibatch"})) {
      CliRunner.Result r = CliRunner.fit(csv, dir.resolve("bad"), bad);
      assertEquals(2, r.exitCode(), String.join(" ", bad) + ": " + r.err());
    }
  }
}
