package org.sparkgd.optim;

/**
 * The step size α_t of update t (t = 0, 1, …). Schedules are pure functions of t, so a resumed
 * fit needs no schedule state. Reached through the static factories; {@code toString} shows
 * every setting.
 */
public interface LearningRateSchedule {
  double rate(long t);

  /** α. */
  static LearningRateSchedule constant(double alpha) {
    return new Constant(alpha);
  }

  /** α / √(t + 1), as MLlib's {@code GradientDescent}. */
  static LearningRateSchedule inverseSqrt(double alpha) {
    return new InverseScaling(alpha, 0.5);
  }

  /** α / (t + 1)^p, as scikit-learn's {@code invscaling}. */
  static LearningRateSchedule inverseScaling(double alpha, double power) {
    return new InverseScaling(alpha, power);
  }

  /** α · factor^⌊t / every⌋. */
  static LearningRateSchedule stepDecay(double alpha, double factor, long every) {
    if (!(factor > 0 && factor <= 1) || every < 1) {
      throw new IllegalArgumentException("step decay needs 0 < factor ≤ 1 and every ≥ 1");
    }
    return new StepDecay(alpha, factor, every);
  }

  /** The rate of the first update: what a sweep names a run by. */
  default double initialRate() {
    return rate(0);
  }

  record Constant(double alpha) implements LearningRateSchedule {
    @Override
    public double rate(long t) {
      return alpha;
    }
  }

  record InverseScaling(double alpha, double power) implements LearningRateSchedule {
    @Override
    public double rate(long t) {
      return alpha / Math.pow(t + 1, power);
    }
  }

  record StepDecay(double alpha, double factor, long every) implements LearningRateSchedule {
    @Override
    public double rate(long t) {
      return alpha * Math.pow(factor, t / every);
    }
  }
}
