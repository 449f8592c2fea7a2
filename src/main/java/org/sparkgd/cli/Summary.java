package org.sparkgd.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sparkgd.config.Choices;
import org.sparkgd.config.FitConfig;
import org.sparkgd.job.FitOutcome;
import org.sparkgd.model.FitStatistics;
import org.sparkgd.model.LinearModel;
import org.sparkgd.model.RegressionMetrics;
import org.sparkgd.optim.DescentResult;
import org.sparkgd.stats.Inference;
import org.sparkgd.stats.SummaryTable;
import org.sparkgd.stats.TermInference;

/**
 * The end-of-fit table printed on standard output: how the fit ended, each term on both scales,
 * the optimality gap, every run of a sweep, the metrics, the warnings and where the outputs are.
 */
final class Summary {
  private Summary() {}

  static void print(PrintWriter out, FitOutcome outcome) {
    FitConfig config = outcome.config();
    LinearModel model = outcome.model();
    DescentResult result = outcome.result();
    out.printf(Locale.ROOT, "%s ~ %s: %d rows, %s mode, %s after %d iterations, %.1f s%n", model.label(),
        String.join(" + ", model.features()), outcome.rows(), Choices.word(config.mode()),
        result.stopReason().label(), result.updates(), outcome.seconds());
    int width = Math.max(12, model.features().stream().mapToInt(String::length).max().orElse(0));
    String row = "  %-" + width + "s  %16s  %14s%n";
    out.printf(row, "term", "coefficient", "standardized");
    Inference inference = outcome.fit().statistics().inference();
    out.printf(row, "(intercept)", estimate(inference, 0, model.intercept()),
        standardized(inference, 0, model.standardizedIntercept()));
    double[] original = model.coefficients();
    double[] standardized = model.standardizedCoefficients();
    for (int j = 0; j < original.length; j++) {
      out.printf(row, model.features().get(j), estimate(inference, j + 1, original[j]),
          standardized(inference, j + 1, standardized[j]));
    }
    FitStatistics statistics = outcome.fit().statistics();
    if (config.mode().name().equals("BATCH")) {
      out.printf(Locale.ROOT, "  final cost %.10g (all rows, standardized scale)%n",
          result.finalCost());
    } else {
      out.printf(Locale.ROOT, "  final cost %.10g (last mini-batch), %.10g (all rows at the "
          + "final θ; standardized scale)%n", result.finalCost(), statistics.fullCost());
    }
    if (outcome.reference() != null && outcome.reference().hasOptimum()) {
      double optimum = outcome.reference().optimalObjective();
      double gap = statistics.fullObjective() - optimum;
      out.printf(Locale.ROOT, "  exact optimum %.10g: optimality gap %.3g (relative %.3g)%n", optimum, gap,
          gap / Math.max(optimum, Double.MIN_NORMAL));
    }
    if (outcome.runs().size() > 1) {
      out.printf("  %d runs fitted together (best: %s):%n", outcome.runs().size(), result.run());
      for (DescentResult r : outcome.runs()) {
        out.printf("    %-28s %-15s %6d iterations  final cost %.10g%n", r.run(),
            r.stopReason().label(), r.updates(), r.finalCost());
      }
    }
    String metricsRow = "  %-" + width + "s  %8s  %12s  %12s  %10s%n";
    out.printf(metricsRow, "metrics", "rows", "RMSE", "MAE", "R²");
    printMetrics(out, metricsRow, "training", outcome.training());
    printMetrics(out, metricsRow, "test", outcome.test());
    if (inference != null) {
      out.println();
      if (statistics.classical()) {
        out.print(SummaryTable.format(inference));
      }
      if (statistics.note() != null) {
        out.println("Note: " + statistics.note());
      }
      out.println();
    }
    for (String warning : outcome.warnings()) {
      out.println("  warning: " + warning);
    }
    List<String> files = new ArrayList<>();
    for (String file : outcome.files()) {
      files.add(config.output().path() + "/" + file + (file.equals("history") ? " (Parquet)" : ""));
    }
    out.println("  outputs: " + String.join(", ", files));
  }

  private static void printMetrics(PrintWriter out, String row, String name,
      RegressionMetrics m) {
    if (m != null) {
      out.printf(row, name, m.rows(), format(m.rmse()), format(m.mae()),
          Double.isNaN(m.r2()) ? "-" : String.format(Locale.ROOT, "%.6f", m.r2()));
    }
  }

  /** The inference's estimate where there is one (refined for --solver normal); NA if aliased. */
  private static String estimate(Inference inference, int column, double fallback) {
    TermInference t = term(inference, column);
    return t == null ? format(fallback) : t.aliased() ? "NA" : format(t.estimate());
  }

  private static String standardized(Inference inference, int column, double value) {
    TermInference t = term(inference, column);
    return t != null && t.aliased() ? "NA" : format(value);
  }

  /** Column 0 is the intercept; through the origin the inference has no term for it (null). */
  private static TermInference term(Inference inference, int column) {
    if (inference == null) {
      return null;
    }
    int index = inference.intercept() ? column : column - 1;
    return index < 0 ? null : inference.terms().get(index);
  }

  private static String format(double v) {
    return String.format(Locale.ROOT, "%.6g", v);
  }
}
