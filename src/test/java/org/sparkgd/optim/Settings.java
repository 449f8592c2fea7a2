package org.sparkgd.optim;

/** Run settings for tests. */
final class Settings {
  private Settings() {}

  static RunSettings of(String name, StepMode mode, double rate, RunSettings.UpdateKind update,
      Penalty penalty) {
    return new RunSettings(name, mode, LearningRateSchedule.constant(rate),
        new double[] {100, 10, 1, 0.1, 0.01, 0.001, 0.0001, 0.00001},
        mode == StepMode.ADAPTIVE ? 0.9 : 0.5, 20, update, 0.9, 0.9, 0.999, 1e-8, penalty);
  }

  static RunSettings momentum(double rate) {
    return of("momentum", StepMode.SCHEDULE, rate, RunSettings.UpdateKind.MOMENTUM,
        Penalty.NONE);
  }

  static RunSettings nesterov(double rate) {
    return of("nesterov", StepMode.SCHEDULE, rate, RunSettings.UpdateKind.NESTEROV,
        Penalty.NONE);
  }

  static RunSettings adam(double rate) {
    return of("adam", StepMode.SCHEDULE, rate, RunSettings.UpdateKind.ADAM, Penalty.NONE);
  }

  static RunSettings adaptive(double rate) {
    return of("adaptive", StepMode.ADAPTIVE, rate, RunSettings.UpdateKind.PLAIN, Penalty.NONE);
  }

  static RunSettings lineSearch() {
    return of("line-search", StepMode.LINE_SEARCH, 1, RunSettings.UpdateKind.PLAIN,
        Penalty.NONE);
  }

  static RunSettings backtracking(double start) {
    return of("backtracking", StepMode.BACKTRACKING, start, RunSettings.UpdateKind.PLAIN,
        Penalty.NONE);
  }

  static RunSettings conjugate(double firstStep, Penalty penalty) {
    return of("conjugate-gradient", StepMode.CONJUGATE_GRADIENT, firstStep,
        RunSettings.UpdateKind.PLAIN, penalty);
  }

  static RunSettings plain(double rate, Penalty penalty) {
    return of("plain", StepMode.SCHEDULE, rate, RunSettings.UpdateKind.PLAIN, penalty);
  }
}
