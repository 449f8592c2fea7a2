package org.sparkgd.config;

import java.util.List;
import org.sparkgd.UserError;

/**
 * The options of the descent itself, whatever the rows come from: the command line's
 * {@link FitConfig} and the Spark ML estimator's Params both give one, and both fits then run
 * the same code ({@code FitJob.fit}). Validated here, once, for both.
 *
 * @param learningRates one run per rate (a sweep); empty: the safe step 1/L of the exact
 *     reference (Adam: 0.01)
 * @param updates one run per rule (a sweep)
 * @param treeDepth the depth of Spark's treeAggregate of the partial sums
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

  public DescentOptions {
    learningRates = List.copyOf(learningRates);
    lineSearchSteps = List.copyOf(lineSearchSteps);
    updates = List.copyOf(updates);
    require(batchFraction > 0 && batchFraction <= 1,
        "--batch-fraction must be in (0, 1], got " + batchFraction);
    for (double rate : learningRates) {
      require(rate > 0 && Double.isFinite(rate),
          "--learning-rate must be positive numbers (or auto), got " + rate);
    }
    for (double s : lineSearchSteps) {
      require(s > 0 && Double.isFinite(s), "--line-search-steps must be positive, got " + s);
    }
    require(!lineSearchSteps.isEmpty(), "--line-search-steps names no step");
    require(!updates.isEmpty(), "--update names no rule");
    require(powerT > 0, "--power-t must be > 0, got " + powerT);
    require(decayFactor > 0 && decayFactor <= 1, "--decay-factor must be in (0, 1], got "
        + decayFactor);
    require(decayEvery >= 1, "--decay-every must be ≥ 1, got " + decayEvery);
    require(adaptiveFactor > 0 && adaptiveFactor < 1, "--adaptive-factor must be in (0, 1), got "
        + adaptiveFactor);
    require(patience >= 1, "--patience must be ≥ 1, got " + patience);
    require(momentum >= 0 && momentum < 1, "--momentum must be in [0, 1), got " + momentum);
    require(adamBeta1 >= 0 && adamBeta1 < 1 && adamBeta2 >= 0 && adamBeta2 < 1,
        "--adam-beta1 and --adam-beta2 must be in [0, 1)");
    require(adamEpsilon > 0, "--adam-epsilon must be > 0, got " + adamEpsilon);
    require(lambda >= 0 && Double.isFinite(lambda), "--lambda must be ≥ 0, got " + lambda);
    require(l1Ratio >= 0 && l1Ratio <= 1, "--l1-ratio must be in [0, 1], got " + l1Ratio);
    require(penalty == OptimizerKinds.PenaltyKind.NONE || lambda > 0,
        "--penalty " + penalty.name().toLowerCase().replace('_', '-') + " needs --lambda > 0");
    require(gradientCheckTolerance > 0, "--gradient-check-tolerance must be > 0");
    boolean searching = step != OptimizerKinds.Step.SCHEDULE
        || schedule == OptimizerKinds.Schedule.ADAPTIVE;
    require(!searching || updates.equals(List.of(OptimizerKinds.Update.PLAIN)),
        "line search, backtracking, conjugate gradients and the adaptive schedule work with "
            + "--update plain only");
    require(solver != OptimizerKinds.Solver.NORMAL || (penalty != OptimizerKinds.PenaltyKind.L1
        && penalty != OptimizerKinds.PenaltyKind.ELASTIC_NET),
        "--solver normal solves least squares with no penalty or L2 only");
    require(step != OptimizerKinds.Step.CONJUGATE_GRADIENT || (mode == Mode.BATCH
        && penalty != OptimizerKinds.PenaltyKind.L1
        && penalty != OptimizerKinds.PenaltyKind.ELASTIC_NET),
        "--step conjugate-gradient needs --mode batch and no L1 penalty (the cost must be "
            + "exact and smooth)");
    require(solver != OptimizerKinds.Solver.NORMAL || reference != OptimizerKinds.Reference.OFF,
        "--solver normal needs the exact reference (--reference auto or on)");
    require(maxIterations >= 0, "--max-iterations must be ≥ 0, got " + maxIterations);
    require(tolerance >= 0 && Double.isFinite(tolerance),
        "--tolerance must be ≥ 0 (0 disables it), got " + tolerance);
    require(divergenceFactor > 1 && Double.isFinite(divergenceFactor),
        "--divergence-factor must be > 1, got " + divergenceFactor);
    require(treeDepth >= 1, "--tree-depth must be ≥ 1, got " + treeDepth);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw UserError.usage(message);
    }
  }

  /** The mini-batch fraction, or null in batch mode. */
  public Double samplingFraction() {
    return mode == Mode.MINIBATCH ? batchFraction : null;
  }

  /** The defaults of {@code sparkgd fit} (conf/sparkgd.properties), for the ML estimator. */
  public static DescentOptions defaults() {
    return new DescentOptions(Mode.BATCH, 0.1, List.of(), OptimizerKinds.Schedule.CONSTANT, 0.25,
        0.5, 100, 0.9, 100, OptimizerKinds.Step.SCHEDULE,
        List.of(100.0, 10.0, 1.0, 0.1, 0.01, 0.001, 0.0001, 0.00001),
        List.of(OptimizerKinds.Update.PLAIN), 0.9, 0.9, 0.999, 1e-8,
        OptimizerKinds.PenaltyKind.NONE, 0, 0.5, OptimizerKinds.Solver.GD,
        OptimizerKinds.Reference.AUTO, false, 1e-6, 1000, 1e-12, 42, 100, 2);
  }
}
