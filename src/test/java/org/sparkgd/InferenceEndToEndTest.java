package org.sparkgd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparkgd.cli.CliRunner.doubles;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkgd.cli.CliRunner;

/**
 * Inference and the default stop rule through the command line on the 200-row Advertising
 * data, against ISLR's Table 3.4 and the closed-form oracle ({@link LeastSquaresReference#ols}).
 */
class InferenceEndToEndTest {
  @TempDir
  static Path dir;
  static double[][] x;
  static double[] y;
  static CliRunner.Result gd;
  static CliRunner.Result normal;

  @BeforeAll
  static void fit() throws IOException, URISyntaxException {
    Path csv = Path.of(InferenceEndToEndTest.class.getResource("/Advertising.csv").toURI());
    List<String> lines = Files.readAllLines(csv);
    x = new double[lines.size() - 1][3];
    y = new double[lines.size() - 1];
    for (int i = 1; i < lines.size(); i++) {
      String[] cells = lines.get(i).split(",");
      for (int j = 0; j < 3; j++) {
        x[i - 1][j] = Double.parseDouble(cells[j + 1]);
      }
      y[i - 1] = Double.parseDouble(cells[4]);
    }
    gd = advertising(csv, "gd");
    normal = advertising(csv, "normal", "--solver", "normal");
  }

  static CliRunner.Result advertising(Path csv, String name, String... options) {
    List<String> args = new ArrayList<>(List.of("fit", "--input", csv.toString(), "--label",
        "sales", "--features", "TV,radio,newspaper", "--output", dir.resolve(name).toString()));
    args.addAll(List.of(options));
    CliRunner.Result r = CliRunner.run(args.toArray(new String[0]));
    assertEquals(0, r.exitCode(), r.err());
    return r;
  }

  static double[] estimates(JsonNode model) {
    double[] beta = new double[4];
    beta[0] = model.get("intercept").asDouble();
    System.arraycopy(doubles(model.get("coefficients")), 0, beta, 1, 3);
    return beta;
  }

  @Test
  void theDefaultFitStopsWithEveryCoefficientRightToOnePartInABillion() {
    JsonNode model = CliRunner.model(dir.resolve("gd"));
    double[] exact = LeastSquaresReference.solve(x, y);
    double error = LeastSquaresReference.maxRelativeError(estimates(model), exact, 0);
    assertTrue(error <= 1e-9, error + " after " + model.get("iterations") + " iterations");
    assertEquals("converged", model.get("stop_reason").asText());
    // The digits the summary prints: newspaper −0.00103749, not −0.00103746.
    assertTrue(gd.out().contains("-0.00103749"), gd.out());
  }

  @Test
  void inferenceMatchesIslrTable34() {
    for (String name : List.of("gd", "normal")) {
      JsonNode inference = CliRunner.model(dir.resolve(name)).get("inference");
      JsonNode terms = inference.get("terms");
      double[] se = {0.3119, 0.0014, 0.0086, 0.0059};
      double[] t = {9.42, 32.81, 21.89, -0.18};
      for (int j = 0; j < 4; j++) {
        JsonNode term = terms.get(j);
        assertEquals(se[j], term.get("std_error").asDouble(), 0.00005, name + " se " + j);
        assertEquals(t[j], term.get("t_value").asDouble(), 0.005, name + " t " + j);
      }
      assertEquals("(Intercept)", terms.get(0).get("term").asText());
      assertEquals("newspaper", terms.get(3).get("term").asText());
      assertEquals(0.8599, terms.get(3).get("p_value").asDouble(), 0.00005);
      assertEquals(1.686, inference.get("residual_std_error").asDouble(), 0.0005);
      assertEquals(196, inference.get("df_residual").asInt());
      assertEquals(0.897, inference.get("r2").asDouble(), 0.0005);
      assertEquals(570, inference.get("f_statistic").asDouble(), 0.5);
      assertTrue(inference.get("f_p_value").asDouble() < 1e-90);
      assertTrue(inference.get("note").isNull());
    }
  }

  @Test
  void inferenceAgreesWithTheClosedFormOracle() {
    LeastSquaresReference.Ols ols = LeastSquaresReference.ols(x, y);
    for (String name : List.of("gd", "normal")) {
      JsonNode inference = CliRunner.model(dir.resolve(name)).get("inference");
      for (int j = 0; j < 4; j++) {
        JsonNode term = inference.get("terms").get(j);
        double se = ols.stdErrors()[j];
        assertEquals(se, term.get("std_error").asDouble(), 1e-9 * se, name + " se " + j);
        assertEquals(ols.coefficients()[j], term.get("estimate").asDouble(),
            1e-9 * Math.abs(ols.coefficients()[j]), name + " estimate " + j);
        double q = 1.9721412216; // qt(0.975, 196)
        assertEquals(ols.coefficients()[j] - q * se, term.get("ci_low").asDouble(), 1e-8);
        assertEquals(ols.coefficients()[j] + q * se, term.get("ci_high").asDouble(), 1e-8);
      }
      assertEquals(ols.residualStdError(), inference.get("residual_std_error").asDouble(),
          1e-10);
      assertEquals(ols.r2(), inference.get("r2").asDouble(), 1e-12);
      assertEquals(ols.f(), inference.get("f_statistic").asDouble(), 1e-8 * ols.f());
    }
  }

  @Test
  void theSummaryPrintsRsCoefficientTable() {
    for (CliRunner.Result r : List.of(gd, normal)) {
      // R's own printout of summary(lm(sales ~ TV + radio + newspaper)).
      assertTrue(r.out().contains("             Estimate Std. Error t value Pr(>|t|)    \n"
          + "(Intercept)  2.938889   0.311908   9.422   <2e-16 ***\n"), r.out());
      assertTrue(r.out().contains("newspaper   -0.001037   0.005871  -0.177     0.86    \n"),
          r.out());
      assertTrue(r.out().contains("Residual standard error: 1.686 on 196 degrees of freedom"));
      assertTrue(r.out().contains("F-statistic: 570.3 on 3 and 196 DF,  p-value: < 2.2e-16"));
    }
  }
}
