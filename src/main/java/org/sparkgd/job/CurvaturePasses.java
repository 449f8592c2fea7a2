package org.sparkgd.job;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sparkgd.config.DescentOptions;
import org.sparkgd.data.TrainingData;
import org.sparkgd.engine.LeastSquaresLoss;
import org.sparkgd.optim.CurvatureEstimate;
import org.sparkgd.optim.Penalty;

/**
 * The auto learning rate of a fit without the exact reference: the largest curvature estimated
 * by power iteration over every cached row (a full-batch pass each, whatever the fit's mode),
 * made once, when first asked.
 */
final class CurvaturePasses {
  private static final Logger LOG = LoggerFactory.getLogger(CurvaturePasses.class);

  private CurvaturePasses() {}

  static Supplier<CurvatureEstimate> of(TrainingData data, DescentOptions options,
      Penalty penalty) {
    return new Supplier<>() {
      private CurvatureEstimate estimate;

      @Override
      public CurvatureEstimate get() {
        if (estimate == null) {
          LeastSquaresLoss loss = new LeastSquaresLoss(data, options.treeDepth(), null,
              options.seed(), options.maxIterations());
          if (!data.intercept()) {
            loss.withoutIntercept();
          }
          estimate = CurvatureEstimate.of(loss, data.numFeatures() + 1, data.intercept(),
              penalty.l2(), options.seed());
          LOG.info("Largest curvature estimated in {} power-iteration passes: L = {} (safe "
              + "step 1/L = {})", estimate.passes(), estimate.lipschitz(), estimate.safeStep());
        }
        return estimate;
      }
    };
  }
}
