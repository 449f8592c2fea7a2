package org.sparkgd.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sparkgd.config.Choices;
import org.sparkgd.config.DescentOptions;
import org.sparkgd.config.Mode;
import org.sparkgd.config.OptimizerKinds;
import org.sparkgd.model.FitStatistics;
import org.sparkgd.model.LinearModel;
import org.sparkgd.model.RegressionMetrics;
import org.sparkgd.optim.DescentResult;
import org.sparkgd.optim.Penalty;
import org.sparkgd.stats.Inference;
import org.sparkgd.stats.LeastSquaresFit;
import org.sparkgd.stats.TermInference;

/**
 * A fit's statistics after the descent: the full-data cost at the final θ (from the training
 * metrics' pass, so a mini-batch fit needs no other), the inference at the fitted θ on the
 * original scale with the measured RSS, what the numbers mean, and the warnings about aliased
 * terms.
 */
final class InferenceReport {
  private InferenceReport() {}

  /** @param answer the exact answer, or null when it was not computed; warnings found are added */
  static FitStatistics of(ExactAnswer answer, LinearModel model, DescentResult best,
      RegressionMetrics training, DescentPlan plan, FitWarnings warnings) {
    DescentOptions options = plan.options();
    Penalty penalty = plan.penalty();
    double labelStd = model.standardization().labelStd();
    double fullCost = options.mode() == Mode.BATCH || !(labelStd > 0) ? best.finalCost()
        : Math.pow(training.rmse() / labelStd, 2);
    double fullObjective = fullCost + penalty.value(model.theta());
    if (answer == null) {
      return new FitStatistics(null, null, fullCost, fullObjective, Double.NaN);
    }
    LeastSquaresFit original = answer.original();
    List<String> names = new ArrayList<>();
    if (original.intercept()) {
      names.add(Inference.INTERCEPT);
    }
    names.addAll(model.features());
    boolean exact = options.solver() == OptimizerKinds.Solver.NORMAL && penalty.isNone();
    double[] estimates = exact ? original.coefficients()
        : originalEstimates(model, original.intercept());
    // Σw·r²: the training RMSE is √(Σw·r²/Σw).
    double rss = exact ? original.residualSumOfSquares()
        : training.rmse() * training.rmse() * answer.weightSum();
    LeastSquaresFit at = original.withEstimates(estimates, rss);
    Inference inference = penalty.isNone() ? Inference.of(at, names) : penalized(at, names);
    aliased(inference, warnings);
    return new FitStatistics(inference, note(options, penalty), fullCost, fullObjective,
        answer.reference().conditionNumber());
  }

  /** The model's estimates as the fit's columns: the intercept first unless through the origin. */
  private static double[] originalEstimates(LinearModel model, boolean intercept) {
    int offset = intercept ? 1 : 0;
    double[] beta = new double[model.features().size() + offset];
    if (intercept) {
      beta[0] = model.intercept();
    }
    System.arraycopy(model.coefficients(), 0, beta, offset, model.features().size());
    return beta;
  }

  /** The estimates and R² only: a penalized fit's estimates are biased (see the note). */
  private static Inference penalized(LeastSquaresFit fit, List<String> names) {
    List<TermInference> terms = new ArrayList<>();
    for (int j = 0; j < names.size(); j++) {
      terms.add(new TermInference(names.get(j), false, fit.coefficients()[j], Double.NaN,
          Double.NaN, Double.NaN, Double.NaN, Double.NaN));
    }
    double r2 = 1 - fit.residualSumOfSquares() / fit.totalSumOfSquares();
    return new Inference(terms, Double.NaN, fit.observations() - names.size(), r2, Double.NaN,
        Double.NaN, 0, Double.NaN, fit.intercept());
  }

  private static String note(DescentOptions options, Penalty penalty) {
    if (!penalty.isNone()) {
      return "penalized fit (--penalty " + Choices.word(options.penalty()) + ", lambda "
          + options.lambda() + "): its estimates are shrunk toward 0, so they are biased and the "
          + "classical standard errors, t values, "
          + "p-values and confidence intervals, which assume the unbiased least-squares "
          + "estimates, do not apply; they are left out";
    }
    if (options.mode() == Mode.MINIBATCH) {
      return "mini-batch fit: the estimates come from a stochastic descent; the inference is "
          + "computed at the final θ on all rows as for least squares, so it holds as far as "
          + "the estimates are near the least-squares solution (see the optimality gap)";
    }
    return null;
  }

  private static void aliased(Inference inference, FitWarnings warnings) {
    List<String> aliased = new ArrayList<>();
    inference.terms().stream().filter(TermInference::aliased)
        .forEach(t -> aliased.add("'" + t.term() + "'"));
    if (!aliased.isEmpty()) {
      warnings.add("Coefficients: (" + aliased.size() + " not defined because of "
          + "singularities): " + String.join(", ", aliased) + (aliased.size() == 1 ? " is" : " are")
          + " a linear combination of the terms before it (R's 1e-7 rule); its estimate is "
          + "not defined (NA in the inference)");
    }
  }
}
