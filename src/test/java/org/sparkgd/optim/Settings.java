package org.sparkgd.optim;

import java.util.function.Supplier;

/** Run settings for tests, by name: each builds its step strategy through the public factories. */
final class Settings {
  /** The tutorial's line-search steps. */
  static final double[] LINE_SEARCH_STEPS = {100, 10, 1, 0.1, 0.01, 0.001, 0.0001, 0.00001};

  private Settings() {}

  static RunSettings scheduled(String name, LearningRateSchedule schedule,
      Supplier<UpdateRule> rule, Penalty penalty) {
    return new RunSettings(name, RunSettings.schedule(schedule, rule), penalty);
  }

  static RunSettings momentum(double rate) {
    return scheduled("momentum", LearningRateSchedule.constant(rate),
        () -> UpdateRule.momentum(0.9), Penalty.NONE);
  }

  static RunSettings nesterov(double rate) {
    return scheduled("nesterov", LearningRateSchedule.constant(rate),
        () -> UpdateRule.nesterov(0.9), Penalty.NONE);
  }

  static RunSettings adam(double rate) {
    return adam(LearningRateSchedule.constant(rate));
  }

  static RunSettings adam(LearningRateSchedule schedule) {
    return scheduled("adam", schedule, () -> UpdateRule.adam(0.9, 0.999, 1e-8), Penalty.NONE);
  }

  static RunSettings adaptive(double rate) {
    return adaptive(rate, 20);
  }

  static RunSettings adaptive(double rate, int patience) {
    return new RunSettings("adaptive", RunSettings.adaptive(rate, 0.9, patience), Penalty.NONE);
  }

  static RunSettings lineSearch() {
    return new RunSettings("line-search", RunSettings.lineSearch(LINE_SEARCH_STEPS),
        Penalty.NONE);
  }

  static RunSettings backtracking(double start) {
    return backtracking(start, Penalty.NONE);
  }

  static RunSettings backtracking(double start, Penalty penalty) {
    return new RunSettings("backtracking", RunSettings.backtracking(start), penalty);
  }

  static RunSettings conjugate(double firstStep, Penalty penalty) {
    return new RunSettings("conjugate-gradient", RunSettings.conjugateGradient(firstStep),
        penalty);
  }

  static RunSettings plain(double rate, Penalty penalty) {
    return scheduled("plain", LearningRateSchedule.constant(rate), UpdateRule::plain, penalty);
  }
}
