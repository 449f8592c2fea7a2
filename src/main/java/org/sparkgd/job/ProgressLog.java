package org.sparkgd.job;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sparkgd.optim.IterationListener;
import org.sparkgd.optim.IterationRecord;

/**
 * Logs a progress line at INFO for the first iteration, then whenever a few seconds or a tenth of
 * the iteration budget have passed since the last line, so no fit is silent and a fast one is
 * not flooded: iteration/max, cost, step, gradient norm, rows per second, time left.
 */
final class ProgressLog implements IterationListener {
  private static final Logger LOG = LoggerFactory.getLogger(ProgressLog.class);
  /** Lines over the whole budget when iterations are fast. */
  private static final long LINES_PER_BUDGET = 10;

  private final long maxIterations;
  private final long intervalNanos;
  private final long everyIterations;
  private final Consumer<String> sink;
  private final LongSupplier clock;
  private long lastLoggedNanos;
  private long lastLoggedIteration = -1;

  ProgressLog(long maxIterations, double intervalSeconds) {
    this(maxIterations, intervalSeconds, LOG::info, System::nanoTime);
  }

  /** For tests: where the lines go and what the time is. */
  ProgressLog(long maxIterations, double intervalSeconds, Consumer<String> sink,
      LongSupplier clock) {
    this.maxIterations = maxIterations;
    this.intervalNanos = (long) (intervalSeconds * 1e9);
    this.everyIterations = Math.max(1, maxIterations / LINES_PER_BUDGET);
    this.sink = sink;
    this.clock = clock;
  }

  @Override
  public void onIteration(IterationRecord r) {
    long now = clock.getAsLong();
    boolean due = lastLoggedIteration < 0 || now - lastLoggedNanos >= intervalNanos
        || r.iteration() - lastLoggedIteration >= everyIterations;
    if (!due) {
      return;
    }
    lastLoggedNanos = now;
    lastLoggedIteration = r.iteration();
    sink.accept(line(r, maxIterations));
  }

  /**
   * The progress line of record {@code r}. Its elapsed time covers evaluations 0..k, so the
   * time per iteration is elapsed / (k + 1); the time left assumes the whole budget is spent
   * (a fit that converges stops sooner).
   */
  static String line(IterationRecord r, long maxIterations) {
    double secondsPerIteration = r.elapsedMillis() / 1000 / (r.iteration() + 1);
    String rate = secondsPerIteration > 0
        ? String.format(Locale.ROOT, "%.3g rows/s", r.rows() / secondsPerIteration) : "- rows/s";
    String left = secondsPerIteration > 0
        ? duration(secondsPerIteration * (maxIterations - r.iteration())) : "-";
    String gap = Double.isNaN(r.optimalityGap()) ? ""
        : String.format(Locale.ROOT, "  gap %.3g", r.optimalityGap());
    return String.format(Locale.ROOT,
        "[%s] iteration %d/%d  cost %.10g%s  step %.4g  |grad| %.4g  %s  at most %s left",
        r.run(), r.iteration(), maxIterations, r.cost(), gap, r.stepSize(), r.gradientNorm(),
        rate, left);
  }

  /** 42s, 3m05s, 2h07m. */
  static String duration(double seconds) {
    long s = Math.round(seconds);
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
  }
}
