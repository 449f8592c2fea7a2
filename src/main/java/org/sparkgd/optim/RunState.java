package org.sparkgd.optim;

import java.util.List;
import java.util.Map;

/**
 * Everything one run carries between passes: enough to continue it elsewhere (a checkpoint)
 * and end with exactly the θ and history of an uninterrupted run.
 *
 * @param iteration the iteration the next recorded row will have
 * @param next the point awaiting evaluation, or null when the run proposes from {@code last}
 * @param pendingStep the step that produced {@code next}
 * @param last the last recorded point, its smooth-objective gradient, objective and cost
 * @param firstObjective the first recorded objective, for divergence (NaN before)
 * @param step the current step of ADAPTIVE and BACKTRACKING
 * @param best the best point so far (ADAPTIVE), its gradient, objective and cost
 * @param noImprovement iterations since the best (ADAPTIVE)
 * @param direction the search direction (CONJUGATE_GRADIENT), or null
 * @param rule the update rule's memory
 * @param stopReason null while the run goes on
 */
public record RunState(long iteration, double[] next, double pendingStep, double[] last,
    double[] lastGradient, double lastObjective, double lastCost, double firstObjective,
    double step, double[] best, double[] bestGradient, double bestObjective, double bestCost,
    int noImprovement, double[] direction, Map<String, double[]> rule,
    List<IterationRecord> history, StopReason stopReason) {

  public RunState {
    history = List.copyOf(history);
    rule = Map.copyOf(rule);
  }
}
