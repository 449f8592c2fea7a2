package org.sparkgd.job;

import java.util.Locale;
import java.util.Optional;
import org.sparkgd.config.DescentOptions;
import org.sparkgd.config.OptimizerKinds;
import org.sparkgd.model.FitStatistics;
import org.sparkgd.optim.ConvergenceChecker;
import org.sparkgd.optim.DescentResult;
import org.sparkgd.optim.StopReason;
import org.sparkgd.stats.ExactReference;

/**
 * The warning of a descent that ended at its iteration limit before meeting its own stop rule,
 * whatever its optimality gap: a tiny gap can still leave digits unconverged (NIST's Pontius
 * keeps 4 at 1000 iterations). A tolerance of 0 asks for exactly --max-iterations, so it is not
 * warned about.
 */
final class ConvergenceWarning {
  private ConvergenceWarning() {}

  /**
   * @param rule the stop rule the runs shared
   * @param reference the exact reference, or null when not computed
   */
  static Optional<String> of(DescentResult best, DescentOptions options,
      ConvergenceChecker rule, ExactReference reference, FitStatistics statistics) {
    if (options.solver() != OptimizerKinds.Solver.GD
        || best.stopReason() != StopReason.MAX_ITERATIONS || !(options.tolerance() > 0)) {
      return Optional.empty();
    }
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "the descent did not "
        + "converge: it stopped at --max-iterations %d before meeting its stop rule (%s)",
        options.maxIterations(), describe(rule, options.tolerance())));
    if (reference != null && reference.hasOptimum()) {
      double optimum = reference.optimalObjective();
      double gap = (statistics.fullObjective() - optimum) / Math.max(optimum, Double.MIN_NORMAL);
      text.append(String.format(Locale.ROOT, ", with a relative optimality gap of %.3g", gap));
    }
    if (statistics.conditionNumber() > 0) {
      text.append(String.format(Locale.ROOT, "; the standardized design's condition number is "
          + "%.3g", statistics.conditionNumber()));
    }
    return Optional.of(text.append(". Raise --max-iterations, or use --step "
        + "conjugate-gradient or --solver normal").toString());
  }

  private static String describe(ConvergenceChecker rule, double tolerance) {
    if (rule instanceof ConvergenceChecker.NearOptimum) {
      return "every coefficient within its tolerance of the exact optimum";
    }
    String change = rule instanceof ConvergenceChecker.RelativeCostChange ? "cost" : "parameter";
    return String.format(Locale.ROOT, "relative %s change at most %.3g", change, tolerance);
  }
}
