package org.sparkgd.optim;

import java.util.Map;

/**
 * Proximal backtracking (Beck and Teboulle): one trial step a pass from the last point; accept
 * it when the smooth part decreases enough, f(p) ≤ f(θ) + ∇f(θ)·(p − θ) + ‖p − θ‖²/(2α), and
 * try a longer step next time; otherwise halve the step.
 */
final class BacktrackingStep extends StepStrategy {
  /** The factor a failed trial multiplies the step by (and a success divides it by). */
  static final double SHRINK = 0.5;

  private double step;
  /** This pass's trial point. */
  private double[] trial;

  record Spec(double initialRate) implements Factory {
    @Override
    public StepStrategy create(Penalty penalty, DescentSettings common) {
      return new BacktrackingStep(initialRate, penalty);
    }

    @Override
    public String toString() {
      return "backtracking(start=" + initialRate + ", shrink=" + SHRINK + "), plain";
    }
  }

  private BacktrackingStep(double initialRate, Penalty penalty) {
    super(penalty);
    this.step = initialRate;
  }

  @Override
  double[][] points(Run run) {
    if (next != null) {
      return new double[][] {next};
    }
    trial = stepFrom(run.last(), run.lastGradient(), step);
    return new double[][] {run.last(), trial};
  }

  @Override
  void accept(Evaluation[] results, Run run, long passes, double elapsedMillis) {
    if (next != null) {
      recordPending(results[0], run, passes, elapsedMillis);
      return;
    }
    double[] last = run.last();
    double[] gradient = run.lastGradient();
    double here = results[0].cost() + smoothPenalty(last);
    double there = results[1].cost() + smoothPenalty(trial);
    double bound = here;
    for (int j = 0; j < trial.length; j++) {
      double delta = trial[j] - last[j];
      bound += gradient[j] * delta + delta * delta / (2 * step);
    }
    if (results[1].rows() > 0 && Double.isFinite(there) && there <= bound) {
      run.record(trial, results[1], step, passes, elapsedMillis);
      step /= SHRINK; // try a longer step next time
    } else {
      step *= SHRINK;
      if (step < 1e-30) {
        run.stop(StopReason.CONVERGED); // no step decreases the cost any more
      }
    }
  }

  private double smoothPenalty(double[] theta) {
    double squares = 0;
    for (int j = 1; j < theta.length; j++) {
      squares += theta[j] * theta[j];
    }
    return penalty.l2() / 2 * squares;
  }

  @Override
  protected void save(Map<String, double[]> state) {
    state.put("step", new double[] {step});
  }

  @Override
  protected void load(Map<String, double[]> state) {
    step = scalar(state, "step");
  }
}
