package org.sparkgd.cli;

import java.util.ArrayList;
import java.util.List;
import org.sparkgd.UserError;
import org.sparkgd.config.Choices;
import org.sparkgd.config.DescentOptions;
import org.sparkgd.config.Mode;
import org.sparkgd.config.OptimizerKinds;
import org.sparkgd.config.OptionHelp;
import picocli.CommandLine.Option;

/**
 * The descent's options of {@code sparkgd fit} (a picocli mixin), and their conversion to
 * {@link DescentOptions}. Defaults come from {@link FitDefaults}, that is from the one table.
 */
final class DescentFlags {
  @Option(names = "--mode", paramLabel = "MODE",
      description = "batch (all rows every iteration) or minibatch (a fresh sample of "
          + "--batch-fraction of the rows every iteration).")
  Mode mode;

  @Option(names = "--batch-fraction", paramLabel = "F",
      description = "Expected fraction of rows in each mini-batch, in (0, 1].")
  double batchFraction;

  @Option(names = "--learning-rate", paramLabel = "A",
      description = "Step size α in θ ← θ − α·d (standardized scale), or auto: 1/L, the safe "
          + "step from the exact reference (Adam: 0.01). Several, comma-separated, fit one "
          + "model each in the same passes over the data (a sweep).")
  String learningRate;

  @Option(names = "--schedule", paramLabel = "S",
      description = "constant; inverse-sqrt (α/√t, as MLlib); inverse-scaling (α/t^p, as "
          + "scikit-learn); step (α·factor^⌊t/every⌋); adaptive (the tutorial's rule: after a "
          + "worse iteration go back to the best θ and shrink the step, else reset it).")
  String schedule;

  @Option(names = "--power-t", paramLabel = "P",
      description = "p of --schedule inverse-scaling.")
  double powerT;

  @Option(names = "--decay-factor", paramLabel = "F",
      description = "factor of --schedule step.")
  double decayFactor;

  @Option(names = "--decay-every", paramLabel = "N",
      description = "every of --schedule step (iterations).")
  long decayEvery;

  @Option(names = "--adaptive-factor", paramLabel = "F",
      description = "--schedule adaptive multiplies the step by F after a worse iteration.")
  double adaptiveFactor;

  @Option(names = "--patience", paramLabel = "N",
      description = "--schedule adaptive stops after N iterations without a lower cost.")
  int patience;

  @Option(names = "--step", paramLabel = "MODE",
      description = "schedule (the step from --schedule); line-search (every iteration tries "
          + "all --line-search-steps in ONE pass and keeps the lowest cost); backtracking "
          + "(shrink the step by half until a sufficient decrease, one pass a try); "
          + "conjugate-gradient (conjugate directions with the exact step found in the same "
          + "pass: about one pass per parameter to the optimum; batch, no L1).")
  String step;

  @Option(names = "--line-search-steps", paramLabel = "A", split = ",",
      description = "The steps --step line-search tries (the tutorial's list).")
  List<Double> lineSearchSteps;

  @Option(names = "--update", paramLabel = "RULE", split = ",",
      description = "plain, momentum, nesterov or adam; several, comma-separated, fit one model "
          + "each in the same passes.")
  List<String> updates;

  @Option(names = "--momentum", paramLabel = "MU",
      description = "μ of --update momentum and nesterov.")
  double momentum;

  @Option(names = "--adam-beta1", paramLabel = "B",
      description = "β1 of --update adam.")
  double adamBeta1;

  @Option(names = "--adam-beta2", paramLabel = "B",
      description = "β2 of --update adam.")
  double adamBeta2;

  @Option(names = "--adam-epsilon", paramLabel = "E",
      description = "ε of --update adam.")
  double adamEpsilon;

  @Option(names = "--penalty", paramLabel = "P",
      description = "none, l2 (ridge), l1 (lasso) or elastic-net, on the standardized "
          + "coefficients (not the intercept): λ·(a·‖w‖₁ + (1−a)/2·‖w‖²).")
  String penalty;

  @Option(names = "--lambda", paramLabel = "L",
      description = "λ of --penalty.")
  double lambda;

  @Option(names = "--l1-ratio", paramLabel = "A",
      description = "a of --penalty elastic-net (l2 means 0, l1 means 1).")
  double l1Ratio;

  @Option(names = "--solver", paramLabel = "S",
      description = "gd (gradient descent) or normal (the exact least-squares solution from "
          + "a QR factor of the rows, one pass, refined against the input when the design is "
          + "ill-conditioned; no penalty or l2 only).")
  String solver;

  @Option(names = "--reference", paramLabel = "R",
      description = "Compute the exact optimum in one extra pass, to report the optimality gap "
          + "and the safe step: auto (up to 200 features), on or off.")
  String reference;

  @Option(names = "--gradient-check",
      description = "Compare the analytic gradient with central differences at the start and "
          + "the end (one pass each) and fail when they differ. Off by default.")
  boolean gradientCheck;

  @Option(names = "--gradient-check-tolerance", paramLabel = "T",
      description = "Largest relative difference --gradient-check accepts.")
  double gradientCheckTolerance;

  @Option(names = "--max-iterations", paramLabel = "N",
      description = "Most updates to make.")
  long maxIterations;

  @Option(names = "--tolerance", paramLabel = "T",
      description = OptionHelp.TOLERANCE)
  double tolerance;

  @Option(names = "--seed", paramLabel = "S",
      description = "Seed of the mini-batch sampling and of the held-out split: the same "
          + "seed gives the same history.")
  long seed;

  @Option(names = "--divergence-factor", paramLabel = "X",
      description = "Stop as diverged when the cost exceeds X times the first cost.")
  double divergenceFactor;

  @Option(names = "--tree-depth", paramLabel = "D",
      description = "Depth of Spark's treeAggregate of the partial sums; 0: auto (merged on "
          + "the driver, a tree of depth 2 only for many partitions).")
  int treeDepth;

  DescentOptions toOptions() {
    return DescentOptions.builder()
        .mode(mode).batchFraction(batchFraction).learningRates(learningRates())
        .schedule(Choices.parse("--schedule", schedule, OptimizerKinds.Schedule.class))
        .powerT(powerT).decayFactor(decayFactor).decayEvery(decayEvery)
        .adaptiveFactor(adaptiveFactor).patience(patience)
        .step(Choices.parse("--step", step, OptimizerKinds.Step.class))
        .lineSearchSteps(lineSearchSteps)
        .updates(updates.stream()
            .map(u -> Choices.parse("--update", u, OptimizerKinds.Update.class)).toList())
        .momentum(momentum).adamBeta1(adamBeta1).adamBeta2(adamBeta2).adamEpsilon(adamEpsilon)
        .penalty(Choices.parse("--penalty", penalty, OptimizerKinds.PenaltyKind.class))
        .lambda(lambda).l1Ratio(l1Ratio)
        .solver(Choices.parse("--solver", solver, OptimizerKinds.Solver.class))
        .reference(Choices.parse("--reference", reference, OptimizerKinds.Reference.class))
        .gradientCheck(gradientCheck).gradientCheckTolerance(gradientCheckTolerance)
        .maxIterations(maxIterations).tolerance(tolerance).seed(seed)
        .divergenceFactor(divergenceFactor).treeDepth(treeDepth)
        .build();
  }

  private List<Double> learningRates() {
    if (learningRate.strip().equalsIgnoreCase("auto")) {
      return List.of();
    }
    List<Double> rates = new ArrayList<>();
    for (String part : learningRate.split(",")) {
      try {
        rates.add(Double.parseDouble(part.strip()));
      } catch (NumberFormatException e) {
        throw UserError.usage("--learning-rate takes auto or numbers separated by commas, got '"
            + learningRate + "'");
      }
    }
    return rates;
  }
}
