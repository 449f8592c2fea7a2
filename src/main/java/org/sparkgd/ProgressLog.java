package org.sparkgd;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sparkgd.optim.IterationListener;
import org.sparkgd.optim.IterationRecord;

/** Logs a progress line for the first iteration and then every few seconds, so no fit is silent. */
final class ProgressLog implements IterationListener {
  private static final Logger LOG = LoggerFactory.getLogger(ProgressLog.class);

  private final long maxIterations;
  private final long intervalNanos;
  private long lastLogged = Long.MIN_VALUE;

  ProgressLog(long maxIterations, double intervalSeconds) {
    this.maxIterations = maxIterations;
    this.intervalNanos = (long) (intervalSeconds * 1e9);
  }

  @Override
  public void onIteration(IterationRecord r) {
    long now = System.nanoTime();
    if (lastLogged != Long.MIN_VALUE && now - lastLogged < intervalNanos) {
      return;
    }
    lastLogged = now;
    double perIteration = r.iteration() == 0 ? Double.NaN : r.elapsedMillis() / r.iteration();
    double rowsPerSecond = r.iteration() == 0 ? Double.NaN : r.rows() / perIteration * 1000;
    double secondsLeft = perIteration * (maxIterations - r.iteration()) / 1000;
    String gap = Double.isNaN(r.optimalityGap()) ? ""
        : String.format("  gap %.3g", r.optimalityGap());
    LOG.info(String.format("%siteration %d/%d  cost %.10g%s  step %.4g  |grad| %.4g  %s rows/s  "
            + "at most %s left", r.run().isEmpty() ? "" : "[" + r.run() + "] ", r.iteration(),
        maxIterations, r.cost(), gap, r.stepSize(),
        r.gradientNorm(), Double.isNaN(rowsPerSecond) ? "-" : String.format("%.3g", rowsPerSecond),
        Double.isNaN(secondsLeft) ? "-" : String.format("%.0fs", secondsLeft)));
  }
}
