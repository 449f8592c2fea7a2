package org.sparkgd.config;

import static org.sparkgd.config.FitOption.*;

import java.util.List;

/**
 * The options of the descent itself, whatever the rows come from. Each is declared once, with
 * its default and rule, in {@link FitOption}; this record holds their values typed, as
 * {@code model.json} and checkpoints save them. Built from {@link OptionValues} ({@link #from},
 * the command line's way) or with {@link #builder()} / {@link #toBuilder()} (the Spark ML
 * estimator's and the tests'), and validated once, on the way, for every caller: each value by
 * its rule, then the combinations ({@link DescentOptionsCheck}).
 *
 * @param learningRates one run per rate (a sweep); empty means auto: the safe step 1/L, L from
 *     the exact reference or else estimated by power iteration (Adam: 0.01)
 * @param updates one run per rule (a sweep)
 * @param treeDepth the depth of Spark's treeAggregate of the partial sums; 0 (the default):
 *     chosen per pass, a merge on the driver unless the partitions are many
 */
public record DescentOptions(
    Mode mode,
    double batchFraction,
    List<Double> learningRates,
    OptimizerKinds.Schedule schedule,
    double powerT,
    double decayFactor,
    long decayEvery,
    double adaptiveFactor,
    int patience,
    OptimizerKinds.Step step,
    List<Double> lineSearchSteps,
    List<OptimizerKinds.Update> updates,
    double momentum,
    double adamBeta1,
    double adamBeta2,
    double adamEpsilon,
    OptimizerKinds.PenaltyKind penalty,
    double lambda,
    double l1Ratio,
    OptimizerKinds.Solver solver,
    OptimizerKinds.Reference reference,
    boolean gradientCheck,
    double gradientCheckTolerance,
    long maxIterations,
    double tolerance,
    long seed,
    double divergenceFactor,
    int treeDepth) {

  /** Every descent option at its declared default. */
  public static final DescentOptions DEFAULTS = from(OptionValues.defaults());

  public DescentOptions {
    learningRates = List.copyOf(learningRates);
    lineSearchSteps = List.copyOf(lineSearchSteps);
    updates = List.copyOf(updates);
  }

  /** The options of these values, validated: a bad one is a one-line usage error naming it. */
  public static DescentOptions from(OptionValues v) {
    v.check();
    DescentOptions options = new DescentOptions(v.get(MODE), v.get(BATCH_FRACTION),
        v.get(LEARNING_RATE), v.get(SCHEDULE), v.get(POWER_T), v.get(DECAY_FACTOR),
        v.get(DECAY_EVERY), v.get(ADAPTIVE_FACTOR), v.get(PATIENCE), v.get(STEP),
        v.get(LINE_SEARCH_STEPS), v.get(UPDATE), v.get(MOMENTUM), v.get(ADAM_BETA1),
        v.get(ADAM_BETA2), v.get(ADAM_EPSILON), v.get(PENALTY), v.get(LAMBDA), v.get(L1_RATIO),
        v.get(SOLVER), v.get(REFERENCE), v.get(GRADIENT_CHECK), v.get(GRADIENT_CHECK_TOLERANCE),
        v.get(MAX_ITERATIONS), v.get(TOLERANCE), v.get(SEED), v.get(DIVERGENCE_FACTOR),
        v.get(TREE_DEPTH));
    DescentOptionsCheck.check(options);
    return options;
  }

  /** These options as values ({@link #from}'s inverse; the other options at their defaults). */
  public OptionValues values() {
    return OptionValues.defaults().with(MODE, mode).with(BATCH_FRACTION, batchFraction)
        .with(LEARNING_RATE, learningRates).with(SCHEDULE, schedule).with(POWER_T, powerT)
        .with(DECAY_FACTOR, decayFactor).with(DECAY_EVERY, decayEvery)
        .with(ADAPTIVE_FACTOR, adaptiveFactor).with(PATIENCE, patience).with(STEP, step)
        .with(LINE_SEARCH_STEPS, lineSearchSteps).with(UPDATE, updates)
        .with(MOMENTUM, momentum).with(ADAM_BETA1, adamBeta1).with(ADAM_BETA2, adamBeta2)
        .with(ADAM_EPSILON, adamEpsilon).with(PENALTY, penalty).with(LAMBDA, lambda)
        .with(L1_RATIO, l1Ratio).with(SOLVER, solver).with(REFERENCE, reference)
        .with(GRADIENT_CHECK, gradientCheck)
        .with(GRADIENT_CHECK_TOLERANCE, gradientCheckTolerance)
        .with(MAX_ITERATIONS, maxIterations).with(TOLERANCE, tolerance).with(SEED, seed)
        .with(DIVERGENCE_FACTOR, divergenceFactor).with(TREE_DEPTH, treeDepth);
  }

  /** The mini-batch fraction, or null in batch mode. */
  public Double samplingFraction() {
    return mode == Mode.MINIBATCH ? batchFraction : null;
  }

  /** Whether the learning rate is auto (no rate given): 1/L of the exact reference. */
  public boolean autoLearningRate() {
    return learningRates.isEmpty();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder(OptionValues.defaults());
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    return new Builder(values());
  }

  /** Options by name, each its default until set; {@link #build} validates them. */
  public static final class Builder {
    private OptionValues values;

    private Builder(OptionValues values) {
      this.values = values;
    }

    /** Sets any declared option (a value of its type); the named setters below say the type. */
    public Builder set(FitOption option, Object value) {
      values = values.with(option, value);
      return this;
    }

    public Builder mode(Mode value) { return set(MODE, value); }
    public Builder batchFraction(double value) { return set(BATCH_FRACTION, value); }
    public Builder learningRates(List<Double> value) { return set(LEARNING_RATE, value); }
    public Builder schedule(OptimizerKinds.Schedule value) { return set(SCHEDULE, value); }
    public Builder powerT(double value) { return set(POWER_T, value); }
    public Builder decayFactor(double value) { return set(DECAY_FACTOR, value); }
    public Builder decayEvery(long value) { return set(DECAY_EVERY, value); }
    public Builder adaptiveFactor(double value) { return set(ADAPTIVE_FACTOR, value); }
    public Builder patience(int value) { return set(PATIENCE, value); }
    public Builder step(OptimizerKinds.Step value) { return set(STEP, value); }
    public Builder lineSearchSteps(List<Double> value) { return set(LINE_SEARCH_STEPS, value); }
    public Builder updates(List<OptimizerKinds.Update> value) { return set(UPDATE, value); }
    public Builder momentum(double value) { return set(MOMENTUM, value); }
    public Builder adamBeta1(double value) { return set(ADAM_BETA1, value); }
    public Builder adamBeta2(double value) { return set(ADAM_BETA2, value); }
    public Builder adamEpsilon(double value) { return set(ADAM_EPSILON, value); }
    public Builder penalty(OptimizerKinds.PenaltyKind value) { return set(PENALTY, value); }
    public Builder lambda(double value) { return set(LAMBDA, value); }
    public Builder l1Ratio(double value) { return set(L1_RATIO, value); }
    public Builder solver(OptimizerKinds.Solver value) { return set(SOLVER, value); }
    public Builder reference(OptimizerKinds.Reference value) { return set(REFERENCE, value); }
    public Builder gradientCheck(boolean value) { return set(GRADIENT_CHECK, value); }
    public Builder gradientCheckTolerance(double v) { return set(GRADIENT_CHECK_TOLERANCE, v); }
    public Builder maxIterations(long value) { return set(MAX_ITERATIONS, value); }
    public Builder tolerance(double value) { return set(TOLERANCE, value); }
    public Builder seed(long value) { return set(SEED, value); }
    public Builder divergenceFactor(double value) { return set(DIVERGENCE_FACTOR, value); }
    public Builder treeDepth(int value) { return set(TREE_DEPTH, value); }

    /** The options, validated: a bad one is a one-line usage error naming it. */
    public DescentOptions build() {
      return from(values);
    }
  }
}
