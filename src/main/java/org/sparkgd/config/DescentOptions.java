package org.sparkgd.config;

import java.util.List;

/**
 * The options of the descent itself, whatever the rows come from, and the one table of their
 * defaults: the {@link Builder}'s starting values, {@link #DEFAULTS}. The command line (through
 * {@link OptionDefaults}), {@code conf/sparkgd.properties} (a test keeps it in step) and the
 * Spark ML estimator's Params all take their defaults from here. Validated once, on
 * construction ({@link DescentOptionsCheck}), for every caller. Built with {@link #builder()} or
 * {@link #toBuilder()}: no positional calls.
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

  /** Every descent option at its default. */
  public static final DescentOptions DEFAULTS = builder().build();

  public DescentOptions {
    learningRates = List.copyOf(learningRates);
    lineSearchSteps = List.copyOf(lineSearchSteps);
    updates = List.copyOf(updates);
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
    return new Builder();
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
      b.mode = mode;
      b.batchFraction = batchFraction;
      b.learningRates = learningRates;
      b.schedule = schedule;
      b.powerT = powerT;
      b.decayFactor = decayFactor;
      b.decayEvery = decayEvery;
      b.adaptiveFactor = adaptiveFactor;
      b.patience = patience;
      b.step = step;
      b.lineSearchSteps = lineSearchSteps;
      b.updates = updates;
      b.momentum = momentum;
      b.adamBeta1 = adamBeta1;
      b.adamBeta2 = adamBeta2;
      b.adamEpsilon = adamEpsilon;
      b.penalty = penalty;
      b.lambda = lambda;
      b.l1Ratio = l1Ratio;
      b.solver = solver;
      b.reference = reference;
      b.gradientCheck = gradientCheck;
      b.gradientCheckTolerance = gradientCheckTolerance;
      b.maxIterations = maxIterations;
      b.tolerance = tolerance;
      b.seed = seed;
      b.divergenceFactor = divergenceFactor;
      b.treeDepth = treeDepth;
    return b;
  }

  /** Options by name; {@link #build} validates them. The initial values are the defaults. */
  public static final class Builder {
    private Mode mode = Mode.BATCH;
    private double batchFraction = 0.1;
    private List<Double> learningRates = List.of();
    private OptimizerKinds.Schedule schedule = OptimizerKinds.Schedule.CONSTANT;
    private double powerT = 0.25;
    private double decayFactor = 0.5;
    private long decayEvery = 100;
    private double adaptiveFactor = 0.9;
    private int patience = 100;
    private OptimizerKinds.Step step = OptimizerKinds.Step.SCHEDULE;
    private List<Double> lineSearchSteps = List.of(100.0, 10.0, 1.0, 0.1, 0.01, 0.001, 0.0001, 0.00001);
    private List<OptimizerKinds.Update> updates = List.of(OptimizerKinds.Update.PLAIN);
    private double momentum = 0.9;
    private double adamBeta1 = 0.9;
    private double adamBeta2 = 0.999;
    private double adamEpsilon = 1e-8;
    private OptimizerKinds.PenaltyKind penalty = OptimizerKinds.PenaltyKind.NONE;
    private double lambda = 0;
    private double l1Ratio = 0.5;
    private OptimizerKinds.Solver solver = OptimizerKinds.Solver.GD;
    private OptimizerKinds.Reference reference = OptimizerKinds.Reference.AUTO;
    private boolean gradientCheck = false;
    private double gradientCheckTolerance = 1e-6;
    private long maxIterations = 1000;
    private double tolerance = 1e-12;
    private long seed = 42;
    private double divergenceFactor = 100;
    private int treeDepth = 0;

    private Builder() {}

    public Builder mode(Mode value) { mode = value; return this; }
    public Builder batchFraction(double value) { batchFraction = value; return this; }
    public Builder learningRates(List<Double> value) { learningRates = value; return this; }
    public Builder schedule(OptimizerKinds.Schedule value) { schedule = value; return this; }
    public Builder powerT(double value) { powerT = value; return this; }
    public Builder decayFactor(double value) { decayFactor = value; return this; }
    public Builder decayEvery(long value) { decayEvery = value; return this; }
    public Builder adaptiveFactor(double value) { adaptiveFactor = value; return this; }
    public Builder patience(int value) { patience = value; return this; }
    public Builder step(OptimizerKinds.Step value) { step = value; return this; }
    public Builder lineSearchSteps(List<Double> value) { lineSearchSteps = value; return this; }
    public Builder updates(List<OptimizerKinds.Update> value) { updates = value; return this; }
    public Builder momentum(double value) { momentum = value; return this; }
    public Builder adamBeta1(double value) { adamBeta1 = value; return this; }
    public Builder adamBeta2(double value) { adamBeta2 = value; return this; }
    public Builder adamEpsilon(double value) { adamEpsilon = value; return this; }
    public Builder penalty(OptimizerKinds.PenaltyKind value) { penalty = value; return this; }
    public Builder lambda(double value) { lambda = value; return this; }
    public Builder l1Ratio(double value) { l1Ratio = value; return this; }
    public Builder solver(OptimizerKinds.Solver value) { solver = value; return this; }
    public Builder reference(OptimizerKinds.Reference value) { reference = value; return this; }
    public Builder gradientCheck(boolean value) { gradientCheck = value; return this; }
    public Builder gradientCheckTolerance(double value) { gradientCheckTolerance = value; return this; }
    public Builder maxIterations(long value) { maxIterations = value; return this; }
    public Builder tolerance(double value) { tolerance = value; return this; }
    public Builder seed(long value) { seed = value; return this; }
    public Builder divergenceFactor(double value) { divergenceFactor = value; return this; }
    public Builder treeDepth(int value) { treeDepth = value; return this; }

    /** The options, validated: a bad one is a one-line usage error naming it. */
    public DescentOptions build() {
      DescentOptions options = new DescentOptions(mode, batchFraction, learningRates, schedule, powerT, decayFactor, decayEvery, adaptiveFactor, patience, step, lineSearchSteps, updates, momentum, adamBeta1, adamBeta2, adamEpsilon, penalty, lambda, l1Ratio, solver, reference, gradientCheck, gradientCheckTolerance, maxIterations, tolerance, seed, divergenceFactor, treeDepth);
      DescentOptionsCheck.check(options);
      return options;
    }
  }
}
