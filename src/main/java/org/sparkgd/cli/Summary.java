package org.sparkgd.cli;

import java.io.PrintWriter;
import org.sparkgd.FitOutcome;
import org.sparkgd.config.FitConfig;
import org.sparkgd.model.LinearModel;
import org.sparkgd.optim.DescentResult;

/** The end-of-fit table printed on standard output. */
final class Summary {
  private Summary() {}

  static void print(PrintWriter out, FitOutcome outcome) {
    FitConfig config = outcome.config();
    LinearModel model = outcome.model();
    DescentResult result = outcome.result();
    out.printf("%s ~ %s: %d rows, %s mode, %s after %d iterations, %.1f s%n", model.label(),
        String.join(" + ", model.features()), outcome.rows(), config.mode().name().toLowerCase(),
        result.stopReason().label(), result.updates(), outcome.seconds());
    int width = Math.max(12, model.features().stream().mapToInt(String::length).max().orElse(0));
    String row = "  %-" + width + "s  %16s  %14s%n";
    out.printf(row, "term", "coefficient", "standardized");
    out.printf(row, "(intercept)", format(model.intercept()),
        format(model.standardizedIntercept()));
    double[] original = model.coefficients();
    double[] standardized = model.standardizedCoefficients();
    for (int j = 0; j < original.length; j++) {
      out.printf(row, model.features().get(j), format(original[j]), format(standardized[j]));
    }
    out.printf("  final cost %.10g (%s, standardized scale)%n", result.finalCost(),
        config.mode().name().equals("BATCH") ? "all rows" : "last mini-batch");
    if (outcome.reference() != null && outcome.reference().hasOptimum()) {
      double optimum = outcome.reference().optimalObjective();
      double gap = result.finalObjective() - optimum;
      out.printf("  exact optimum %.10g: optimality gap %.3g (relative %.3g)%n", optimum, gap,
          gap / Math.max(optimum, Double.MIN_NORMAL));
    }
    if (outcome.runs().size() > 1) {
      out.printf("  %d runs fitted together (best: %s):%n", outcome.runs().size(), result.run());
      for (DescentResult r : outcome.runs()) {
        out.printf("    %-28s %-15s %6d iterations  final cost %.10g%n", r.run(),
            r.stopReason().label(), r.updates(), r.finalCost());
      }
    }
    for (String warning : outcome.warnings()) {
      out.println("  warning: " + warning);
    }
    out.printf("  outputs: %s/history (Parquet), %s/model.json%n", config.output(),
        config.output());
  }

  private static String format(double v) {
    return String.format("%.6g", v);
  }
}
