package org.sparkgd.job;

import java.util.List;
import org.sparkgd.config.FitConfig;
import org.sparkgd.stats.ExactReference;
import org.sparkgd.model.FitResult;
import org.sparkgd.model.LinearModel;
import org.sparkgd.model.RegressionMetrics;
import org.sparkgd.optim.DescentResult;

/**
 * What a fit of the command line produced: the shared fit's result, the test metrics, and
 * where the outputs went.
 *
 * @param rows the training rows
 * @param test metrics on the held-out rows, or null when none were held out
 * @param files what was written inside the output folder, for the summary
 */
public record FitOutcome(FitConfig config, FitResult fit, long rows, RegressionMetrics test,
    List<String> files, double seconds) {

  public LinearModel model() {
    return fit.model();
  }

  /** The best run. */
  public DescentResult result() {
    return fit.result();
  }

  public List<DescentResult> runs() {
    return fit.runs();
  }

  public ExactReference reference() {
    return fit.reference();
  }

  public List<String> warnings() {
    return fit.warnings();
  }

  public RegressionMetrics training() {
    return fit.training();
  }
}
