package org.sparkgd.optim;

import java.util.List;
import java.util.Map;

/**
 * Everything one run carries between passes: enough to continue it elsewhere (a checkpoint)
 * and end with exactly the θ and history of an uninterrupted run.
 *
 * @param iteration the iteration the next recorded row will have
 * @param last the last recorded point, its smooth-objective gradient, objective and cost
 * @param firstObjective the first recorded objective, for divergence (NaN before)
 * @param step the step strategy's memory by name ({@link StepStrategy#state})
 * @param stopReason null while the run goes on
 */
public record RunState(long iteration, double[] last, double[] lastGradient,
    double lastObjective, double lastCost, double firstObjective, Map<String, double[]> step,
    List<IterationRecord> history, StopReason stopReason) {

  public RunState {
    history = List.copyOf(history);
    step = Map.copyOf(step);
  }
}
