package org.sparkgd;

import java.util.List;
import org.sparkgd.model.LinearModel;
import org.sparkgd.model.RegressionMetrics;
import org.sparkgd.optim.DescentResult;

/**
 * What the shared fitting path ({@link FitJob#fit}) gives the command line and the Spark ML
 * estimator alike.
 *
 * @param warnings things the user should know about the data or the fit
 * @param training the metrics on the training rows, original scale
 */
public record FitResult(LinearModel model, DescentResult result, List<String> warnings,
    RegressionMetrics training) {

  public FitResult {
    warnings = List.copyOf(warnings);
  }
}
