package org.sparkgd;

import java.util.List;
import org.sparkgd.config.FitConfig;
import org.sparkgd.model.LinearModel;
import org.sparkgd.optim.DescentResult;

/**
 * What a fit produced: the model, how the descent ended, and where the outputs went.
 *
 * @param warnings things the user should know, also written to model.json
 */
public record FitOutcome(FitConfig config, LinearModel model, DescentResult result, long rows,
    List<String> warnings, double seconds) {}
