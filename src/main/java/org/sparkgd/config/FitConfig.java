package org.sparkgd.config;

import java.util.List;
import org.sparkgd.UserError;
import org.sparkgd.data.BadRowPolicy;
import org.sparkgd.data.InputFormat;
import org.sparkgd.data.InputSpec;

/**
 * Everything a fit is run with, validated once; saved in {@code model.json} so a run can be
 * told apart and repeated.
 *
 * <p>The descent's own options are checked by {@link DescentOptions}, which
 * {@link #descentOptions()} builds.
 *
 * @param checkpointEvery save the descent's state every this many passes (0: never)
 * @param testFraction the expected share of rows held out for testing (0: none)
 * @param master the Spark master URL, or null to let spark-submit (or local[*]) decide
 */
public record FitConfig(
    String input,
    InputFormat inputFormat,
    char delimiter,
    String label,
    List<String> features,
    String output,
    boolean overwrite,
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
    int treeDepth,
    int minPartitions,
    BadRowPolicy onBadRows,
    int checkpointEvery,
    double testFraction,
    String master) {

  public FitConfig {
    features = List.copyOf(features);
    learningRates = List.copyOf(learningRates);
    lineSearchSteps = List.copyOf(lineSearchSteps);
    updates = List.copyOf(updates);
    require(input != null && !input.isBlank(), "--input is required");
    require(output != null && !output.isBlank(), "--output is required");
    require(label != null && !label.isBlank(), "--label is required");
    require(minPartitions >= 0, "--min-partitions must be ≥ 0, got " + minPartitions);
    require(onBadRows != null, "--on-bad-rows must be fail or skip");
    require(checkpointEvery >= 0, "--checkpoint-every must be ≥ 0 (0: no checkpoints), got "
        + checkpointEvery);
    require(testFraction >= 0 && testFraction < 1,
        "--test-fraction must be in [0, 1), got " + testFraction);
    // The descent's own options are checked by building them.
    new DescentOptions(mode, batchFraction, learningRates, schedule, powerT, decayFactor,
        decayEvery, adaptiveFactor, patience, step, lineSearchSteps, updates, momentum,
        adamBeta1, adamBeta2, adamEpsilon, penalty, lambda, l1Ratio, solver, reference,
        gradientCheck, gradientCheckTolerance, maxIterations, tolerance, seed, divergenceFactor,
        treeDepth);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw UserError.usage(message);
    }
  }

  public InputSpec inputSpec() {
    return new InputSpec(input, inputFormat, delimiter, features, label, minPartitions,
        onBadRows);
  }

  public DescentOptions descentOptions() {
    return new DescentOptions(mode, batchFraction, learningRates, schedule, powerT, decayFactor,
        decayEvery, adaptiveFactor, patience, step, lineSearchSteps, updates, momentum,
        adamBeta1, adamBeta2, adamEpsilon, penalty, lambda, l1Ratio, solver, reference,
        gradientCheck, gradientCheckTolerance, maxIterations, tolerance, seed, divergenceFactor,
        treeDepth);
  }
}
