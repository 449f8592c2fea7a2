package org.sparkgd.optim;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** α_t from a {@link LearningRateSchedule}, along the direction of an {@link UpdateRule}. */
final class ScheduledStep extends StepStrategy {
  private final LearningRateSchedule schedule;
  private final UpdateRule rule;

  record Spec(LearningRateSchedule schedule, Supplier<UpdateRule> rule) implements Factory {
    @Override
    public StepStrategy create(Penalty penalty, DescentSettings common) {
      return new ScheduledStep(schedule, rule.get(), penalty);
    }

    @Override
    public String toString() {
      return schedule + ", " + rule.get();
    }
  }

  private ScheduledStep(LearningRateSchedule schedule, UpdateRule rule, Penalty penalty) {
    super(penalty);
    this.schedule = schedule;
    this.rule = rule;
  }

  @Override
  void accept(Evaluation[] results, Run run, long passes, double elapsedMillis) {
    if (recordPending(results[0], run, passes, elapsedMillis)) {
      double alpha = schedule.rate(run.iteration() - 1);
      next = stepFrom(run.last(), rule.direction(run.lastGradient()), alpha);
      pendingStep = alpha;
    }
  }

  @Override
  protected void save(Map<String, double[]> state) {
    rule.state().forEach((k, v) -> state.put("rule." + k, v.clone()));
  }

  @Override
  protected void load(Map<String, double[]> state) {
    Map<String, double[]> ruleState = new HashMap<>();
    state.forEach((k, v) -> {
      if (k.startsWith("rule.")) {
        ruleState.put(k.substring("rule.".length()), v.clone());
      }
    });
    rule.restore(ruleState);
  }
}
