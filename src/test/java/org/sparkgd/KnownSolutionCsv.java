package org.sparkgd;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.sparkgd.cli.CliRunner;

/**
 * A CSV of n rows × d features whose least-squares answer is known: x in [−1, 1) with 6
 * decimals, β_j = 1 + (j mod 10)/8, intercept 3, and y = 3 + xβ summed error-free and rounded
 * once, so the least-squares answer is β to about 1e-15. The benchmark's exact part
 * ({@code scripts/bench --parts exact}) fits it at scale; the tests at small sizes.
 */
public final class KnownSolutionCsv {
  public static final double INTERCEPT = 3;

  private KnownSolutionCsv() {}

  /** The feature columns' names, x0 … x(d−1); the label is y. */
  public static List<String> names(int d) {
    List<String> names = new ArrayList<>();
    for (int j = 0; j < d; j++) {
      names.add("x" + j);
    }
    return names;
  }

  /** {@link #digits} of a model.json's intercept and coefficients. */
  public static double digits(JsonNode model) {
    return digits(CliRunner.interceptAndCoefficients(model));
  }

  public static double beta(int j) {
    return 1 + (j % 10) / 8.0;
  }

  /**
   * −log10 of the largest relative error against the known solution (intercept first); 17
   * when every estimate equals it exactly.
   */
  public static double digits(double[] estimates) {
    double worst = Math.abs(estimates[0] - INTERCEPT) / INTERCEPT;
    for (int j = 1; j < estimates.length; j++) {
      worst = Math.max(worst, Math.abs(estimates[j] - beta(j - 1)) / beta(j - 1));
    }
    return worst == 0 ? 17 : -Math.log10(worst);
  }

  /** The CSV: x in [−1, 1) with 6 decimals (exact k/10⁶ once parsed), y rounded once. */
  public static void write(Path csv, long n, int d) throws IOException {
    SplittableRandom random = new SplittableRandom(n * 31 + d);
    try (BufferedWriter out = Files.newBufferedWriter(csv)) {
      out.write(String.join(",", names(d)) + ",y\n");
      StringBuilder line = new StringBuilder();
      for (long i = 0; i < n; i++) {
        line.setLength(0);
        double sum = INTERCEPT;
        double error = 0;
        for (int j = 0; j < d; j++) {
          long k = random.nextLong(-1_000_000, 1_000_000);
          double x = k / 1e6;
          line.append(k < 0 ? "-" : "").append(Math.abs(k) / 1_000_000).append('.');
          String fraction = Long.toString(1_000_000 + Math.abs(k) % 1_000_000);
          line.append(fraction, 1, 7).append(',');
          // Dot2 (Ogita, Rump, Oishi): the product's and the sum's errors carried along.
          double product = x * beta(j);
          double productError = Math.fma(x, beta(j), -product);
          double next = sum + product;
          double virtual = next - sum;
          error += (sum - (next - virtual)) + (product - virtual) + productError;
          sum = next;
        }
        out.write(line.append(sum + error).append('\n').toString());
      }
    }
  }
}
