package org.sparkgd;

import java.util.List;
import org.sparkgd.config.FitConfig;
import org.sparkgd.model.LinearModel;
import org.sparkgd.optim.DescentResult;
import org.sparkgd.optim.ExactReference;

/**
 * What a fit produced: the best run's model, every run, and what the user should know.
 *
 * @param result the best run (lowest final objective among those that did not diverge)
 * @param runs every run, in the order of the plan
 * @param reference the exact reference, or null when it was not computed
 * @param warnings things the user should know, also written to model.json
 */
public record FitOutcome(FitConfig config, LinearModel model, DescentResult result,
    List<DescentResult> runs, ExactReference reference, long rows, List<String> warnings,
    double seconds) {}
