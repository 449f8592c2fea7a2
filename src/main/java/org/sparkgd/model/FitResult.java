package org.sparkgd.model;

import java.util.List;
import org.sparkgd.stats.ExactReference;
import org.sparkgd.optim.DescentResult;

/**
 * What the shared fitting path ({@link FitJob#fit}) gives the command line and the Spark ML
 * estimator alike.
 *
 * @param model the best run's model
 * @param result the best run ({@link org.sparkgd.optim.BestRun})
 * @param runs every run, in the order of the plan
 * @param reference the exact reference, or null when it was not computed
 * @param warnings things the user should know about the data or the fit
 * @param training the metrics on the training rows, original scale
 * @param gradientChecks the gradient check's largest relative differences (start, end), if run
 * @param statistics the full-data cost at the final θ and the inference
 * @param referenceChoice whether the exact reference was computed and why, in a phrase
 */
public record FitResult(LinearModel model, DescentResult result, List<DescentResult> runs,
    ExactReference reference, List<String> warnings, RegressionMetrics training,
    List<Double> gradientChecks, FitStatistics statistics, String referenceChoice) {

  public FitResult {
    runs = List.copyOf(runs);
    warnings = List.copyOf(warnings);
    gradientChecks = List.copyOf(gradientChecks);
  }
}
