package org.sparkgd.optim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How one run finds its next point: a schedule, the adaptive rule, a line search, backtracking
 * or conjugate gradients. Lifecycle: {@link Factory#create} once per run, {@link #start} with
 * θ₀ (or {@link #restore} from a checkpoint), then every pass {@link #points} and
 * {@link #accept} with their evaluations, in which the strategy records the points it accepts
 * in the {@link Run}. Each strategy keeps its own memory in {@link #state}, for checkpoints.
 * Sign convention: gradients are of the cost (not its negative); θ ← θ − α·d.
 */
public abstract class StepStrategy {
  /** Makes a run's strategy; its {@code toString} describes it (model.json's run settings). */
  public interface Factory {
    StepStrategy create(Penalty penalty, DescentSettings common);
  }

  protected final Penalty penalty;
  /** The point awaiting evaluation (θ₀ first, then one the strategy proposed), or null. */
  protected double[] next;
  /** The step that produced {@link #next}. */
  protected double pendingStep;

  protected StepStrategy(Penalty penalty) {
    this.penalty = penalty;
  }

  void start(double[] theta) {
    next = theta.clone();
  }

  /** The points to evaluate in this pass: by default the pending one. */
  double[][] points(Run run) {
    return new double[][] {next};
  }

  /** Takes the evaluations of {@link #points}, in order, and records what it accepts. */
  abstract void accept(Evaluation[] results, Run run, long passes, double elapsedMillis);

  /** Called after each point the run recorded, before its stop rules. */
  void recorded(Run run, double objective) {}

  /** Whether the run's divergence and convergence rules apply (the adaptive rule has its own). */
  boolean usesStopRules() {
    return true;
  }

  /** The point the run ends with when it is not the last one recorded, else null. */
  Best best() {
    return null;
  }

  /** A point with its cost and objective. */
  record Best(double[] theta, double cost, double objective) {}

  /** The pending point, if any. */
  double[] pending() {
    return next;
  }

  /** Records the pending point; returns whether the run goes on. */
  protected boolean recordPending(Evaluation e, Run run, long passes, double elapsedMillis) {
    run.record(next, e, pendingStep, passes, elapsedMillis);
    next = null;
    return !run.finished();
  }

  /** prox(θ − α·d, α). */
  protected double[] stepFrom(double[] theta, double[] direction, double alpha) {
    double[] moved = theta.clone();
    for (int j = 0; j < moved.length; j++) {
      moved[j] -= alpha * direction[j];
    }
    return penalty.prox(moved, alpha);
  }

  /** The strategy's memory by name: the pending point and step, then its own. */
  final Map<String, double[]> state() {
    Map<String, double[]> state = new LinkedHashMap<>();
    if (next != null) {
      state.put("next", next.clone());
    }
    state.put("pendingStep", new double[] {pendingStep});
    save(state);
    return state;
  }

  final void restore(Map<String, double[]> state) {
    next = state.containsKey("next") ? state.get("next").clone() : null;
    pendingStep = state.get("pendingStep")[0];
    load(state);
  }

  /** Adds the strategy's own memory to a checkpoint. */
  protected void save(Map<String, double[]> state) {}

  /** Takes the strategy's own memory back from a checkpoint. */
  protected void load(Map<String, double[]> state) {}

  protected static double[] copy(double[] a) {
    return a == null ? null : a.clone();
  }

  protected static double scalar(Map<String, double[]> state, String name) {
    return state.get(name)[0];
  }
}
