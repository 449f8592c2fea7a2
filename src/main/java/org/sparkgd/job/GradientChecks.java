package org.sparkgd.job;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sparkgd.config.DescentOptions;
import org.sparkgd.optim.CostFunction;
import org.sparkgd.optim.GradientCheck;

/**
 * With {@code --gradient-check}: the analytic gradient against central differences, at the
 * start and at the end of the descent. A difference over the tolerance stops the fit.
 */
final class GradientChecks {
  private static final Logger LOG = LoggerFactory.getLogger(Fitter.class);

  private final DescentOptions options;
  private final List<Double> differences = new ArrayList<>();

  GradientChecks(DescentOptions options) {
    this.options = options;
  }

  /** Checks the gradient at {@code theta} ("start" or "end") when the options ask for it. */
  void at(CostFunction loss, double[] theta, String where) {
    if (!options.gradientCheck()) {
      return;
    }
    double difference = GradientCheck.maxRelativeDifference(loss, theta, 0);
    LOG.info("Gradient check at the {}: largest relative difference between the analytic and "
        + "the central-difference gradient {}", where, difference);
    if (!(difference <= options.gradientCheckTolerance())) {
      throw new IllegalStateException("gradient check failed at the " + where + ": relative "
          + "difference " + difference + " exceeds " + options.gradientCheckTolerance());
    }
    differences.add(difference);
  }

  /** The largest relative differences found, in order (none without the option). */
  List<Double> differences() {
    return List.copyOf(differences);
  }
}
