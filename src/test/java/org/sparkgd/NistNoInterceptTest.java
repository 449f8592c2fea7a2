package org.sparkgd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkgd.cli.CliRunner;

/**
 * NIST StRD's linear regressions through the origin, NoInt1 and NoInt2, through the command
 * line: the certified estimate, its standard deviation, the residual standard deviation and
 * the (uncentered) R² to at least 9 digits, with --solver normal and with the default descent,
 * from --no-intercept and from the formula's {@code - 1}.
 */
class NistNoInterceptTest {
  /** Relative error of at most 1e-9: 9 significant digits. */
  private static final double NINE_DIGITS = 1e-9;

  @TempDir
  static Path dir;

  /** Certified values: B1, its standard deviation, the residual SD, R². */
  private record Certified(String name, double[] x, double[] y, double b1, double sd,
      double residualSd, double r2) {}

  private static Certified noInt1() {
    double[] x = new double[11];
    double[] y = new double[11];
    for (int i = 0; i < 11; i++) {
      x[i] = 60 + i;
      y[i] = 130 + i;
    }
    return new Certified("NoInt1", x, y, 2.07438016528926E+00, 1.65289256198347E-02,
        3.56753034006338E+00, 0.999365492298663);
  }

  private static Certified noInt2() {
    return new Certified("NoInt2", new double[] {4, 5, 6}, new double[] {3, 4, 4},
        7.27272727272727E-01, 4.20827318078432E-02, 3.69274472937998E-01, 0.993348115299335);
  }

  @Test
  void noInt1CertifiedValues() {
    check(noInt1());
  }

  @Test
  void noInt2CertifiedValues() {
    check(noInt2());
  }

  private static void check(Certified c) {
    StringBuilder csv = new StringBuilder("x,y\n");
    for (int i = 0; i < c.x().length; i++) {
      csv.append((long) c.x()[i]).append(',').append((long) c.y()[i]).append('\n');
    }
    Path input = TestData.write(dir.resolve(c.name() + ".csv"), csv.toString());
    double[][] rows = new double[c.x().length][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = new double[] {c.x()[i]};
    }
    WeightedOls formula = WeightedOls.of(rows, c.y(), null, false);
    for (List<String> way : List.of(List.of("--label", "y", "--features", "x", "--no-intercept",
        "--solver", "normal"), List.of("--formula", "y ~ x - 1", "--solver", "normal"),
        List.of("--label", "y", "--features", "x", "--no-intercept"))) {
      Path output = dir.resolve(c.name() + "-" + Math.abs(way.hashCode()));
      List<String> args = new ArrayList<>(List.of("fit", "--input", input.toString(),
          "--output", output.toString()));
      args.addAll(way);
      CliRunner.Result r = CliRunner.run(args.toArray(new String[0]));
      assertEquals(0, r.exitCode(), r.err());
      JsonNode inference = CliRunner.model(output).get("inference");
      JsonNode term = inference.get("terms").get(0);
      String what = c.name() + " " + way;
      assertEquals(1, inference.get("terms").size(), what + ": no intercept term");
      assertEquals("x", term.get("term").asText());
      assertDigits(c.b1(), term.get("estimate").asDouble(), what + " estimate");
      assertDigits(c.sd(), term.get("std_error").asDouble(), what + " sd");
      assertDigits(c.residualSd(), inference.get("residual_std_error").asDouble(),
          what + " residual SD");
      assertDigits(c.r2(), inference.get("r2").asDouble(), what + " R²");
      assertEquals(c.x().length - 1, inference.get("df_residual").asInt(), what);
      // F on 1 and n − 1 degrees of freedom: the uncentered model against 0.
      assertDigits(formula.f(), inference.get("f_statistic").asDouble(), what + " F");
      assertTrue(r.out().contains("F-statistic: ") && r.out().contains(" on 1 and "
          + (c.x().length - 1) + " DF"), r.out());
    }
  }

  private static void assertDigits(double expected, double actual, String what) {
    assertTrue(Math.abs(actual - expected) <= NINE_DIGITS * Math.abs(expected),
        what + ": " + actual + " for the certified " + expected);
  }
}
