package org.sparkgd.optim;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one or more runs over the data together: each pass gathers the points every active
 * run needs, evaluates them all in ONE call of the {@link CostFunction} (one pass over the
 * data), and hands each run its results. A sweep of K learning rates therefore costs about one
 * pass per iteration, not K. It knows nothing of Spark.
 */
public final class GradientDescent {
  private static final Logger LOG = LoggerFactory.getLogger(GradientDescent.class);

  private final DescentSettings settings;
  private final long checkpointEvery;

  /** @param checkpointEvery hand the state to the checkpoints every this many passes (0: never) */
  public GradientDescent(DescentSettings settings, long checkpointEvery) {
    this.settings = settings;
    this.checkpointEvery = checkpointEvery;
  }

  public GradientDescent(DescentSettings settings) {
    this(settings, 0);
  }

  /** One run from {@code start}. */
  public DescentResult run(CostFunction cost, RunSettings run, double[] start,
      IterationListener listener) {
    return run(cost, List.of(run), start, null, listener, Checkpoints.NONE).get(0);
  }

  /**
   * Runs every setting from {@code start}, or continues them all from {@code resumeFrom}.
   *
   * @return one result per run, in the order of {@code runs}
   */
  public List<DescentResult> run(CostFunction cost, List<RunSettings> runs, double[] start,
      DescentState resumeFrom, IterationListener listener, Checkpoints checkpoints) {
    List<Run> active = new ArrayList<>();
    for (int r = 0; r < runs.size(); r++) {
      active.add(resumeFrom == null ? new Run(runs.get(r), settings, start)
          : new Run(runs.get(r), settings, resumeFrom.runs().get(r)));
    }
    long passes = resumeFrom == null ? 0 : resumeFrom.passes();
    long startNanos = System.nanoTime()
        - (long) ((resumeFrom == null ? 0 : resumeFrom.elapsedMillis()) * 1e6);
    while (active.stream().anyMatch(r -> !r.finished())) {
      List<double[]> points = new ArrayList<>();
      List<int[]> ranges = new ArrayList<>();
      for (Run run : active) {
        if (!run.finished()) {
          int from = points.size();
          points.addAll(List.of(run.points()));
          ranges.add(new int[] {from, points.size()});
        } else {
          ranges.add(null);
        }
      }
      Evaluation[] results = cost.evaluate(points.toArray(new double[0][]), passes);
      passes++;
      if (results.length > 0 && results[0].rows() == 0) {
        LOG.warn("Pass {}: the mini-batch is empty; no update (raise the batch fraction)", passes);
      } else {
        double elapsed = (System.nanoTime() - startNanos) / 1e6;
        for (int r = 0; r < active.size(); r++) {
          Run run = active.get(r);
          if (ranges.get(r) != null) {
            int size = run.history().size();
            run.accept(java.util.Arrays.copyOfRange(results, ranges.get(r)[0],
                ranges.get(r)[1]), passes, elapsed);
            for (IterationRecord added : run.history().subList(size, run.history().size())) {
              listener.onIteration(added);
            }
          }
        }
      }
      if (checkpointEvery > 0 && passes % checkpointEvery == 0
          && active.stream().anyMatch(r -> !r.finished())) {
        checkpoints.save(new DescentState(passes, active.stream().map(Run::snapshot).toList()));
      }
      if (passes > 1000 * (settings.maxIterations() + 1)) {
        throw new IllegalStateException("the descent made " + passes + " passes for at most "
            + settings.maxIterations() + " iterations");
      }
    }
    return active.stream().map(Run::result).toList();
  }

  static double norm(double[] v) {
    double sum = 0;
    for (double x : v) {
      sum += x * x;
    }
    return Math.sqrt(sum);
  }
}
