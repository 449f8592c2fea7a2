package org.sparkgd;

import java.util.List;
import org.sparkgd.model.LinearModel;
import org.sparkgd.model.RegressionMetrics;
import org.sparkgd.optim.DescentResult;

/**
 * What a fit produced: the model, how the descent ended, and where the outputs went.
 *
 * @param rows the training rows
 * @param warnings things the user should know, also written to model.json
 * @param training metrics on the training rows (original scale)
 * @param test metrics on the held-out rows, or null when none were held out
 * @param files what was written inside {@code output}, for the summary
 */
public record FitOutcome(LinearModel model, DescentResult result, long rows,
    List<String> warnings, String output, double seconds, RegressionMetrics training,
    RegressionMetrics test, List<String> files) {}
