package org.sparkgd.config;

import static org.sparkgd.config.OptionType.AUTO_OR_NUMBERS;
import static org.sparkgd.config.OptionType.FLAG;
import static org.sparkgd.config.OptionType.INT;
import static org.sparkgd.config.OptionType.LONG;
import static org.sparkgd.config.OptionType.NUMBER;
import static org.sparkgd.config.OptionType.NUMBERS;
import static org.sparkgd.config.OptionType.TEXT;
import static org.sparkgd.config.OptionType.choice;
import static org.sparkgd.config.OptionType.choices;
import static org.sparkgd.config.OptionType.enumeration;

import java.util.List;

/**
 * The one declaration of each option of {@code sparkgd fit} that has a default: its value type,
 * default, parameter label, rule, Spark ML Param (null: none) and help text. The option is
 * {@code --} and the constant's {@link Choices} word ({@code BATCH_FRACTION} is
 * {@code --batch-fraction}), which without the dashes is also its key in
 * {@code conf/sparkgd.properties}. From here come picocli's options and {@code --help}
 * ({@code cli.DeclaredOptions}), the defaults ({@link OptionValues#defaults}, so
 * {@link DescentOptions#DEFAULTS}) and each value's check; tests hold the properties file, the
 * README's options table and the ML Params to it. The options without a default (input,
 * output, columns) are {@code cli.FitCommand}'s own.
 */
public enum FitOption {
  FORMAT(enumeration(InputFormat.class), InputFormat.AUTO, "FORMAT", null, null,
      "auto, csv or parquet (auto: parquet when every file ends in .parquet)."),
  DELIMITER(TEXT, ",", "CHAR", null, null, "CSV field separator: one character, or 'tab'."),
  MODE(enumeration(Mode.class), Mode.BATCH, "MODE", null, "mode",
      "batch (all rows every iteration) or minibatch (a fresh sample of --batch-fraction of "
          + "the rows every iteration)."),
  BATCH_FRACTION(NUMBER, 0.1, "F", Rule.in("(0, 1]"), "batchFraction",
      "Expected fraction of rows in each mini-batch, in (0, 1]."),
  LEARNING_RATE(AUTO_OR_NUMBERS, List.of(), "A",
      Rule.above(0).finite().saying("positive numbers (or auto)"), "learningRate",
      "Step size α in θ ← θ − α·d (standardized scale), or auto: from the exact reference's "
          + "largest and smallest curvatures L and μ, 2/(L+μ), the fastest constant step, for "
          + "a plain batch descent, else 1/L, the safe step; without the reference 1/L with L "
          + "estimated by a few power-iteration passes (Adam: 0.01). Several, comma-separated, "
          + "fit one model each in the same passes over the data (a sweep)."),
  SCHEDULE(choice(OptimizerKinds.Schedule.class), OptimizerKinds.Schedule.CONSTANT, "S", null,
      "schedule", "constant; inverse-sqrt (α/√t, as MLlib); inverse-scaling (α/t^p, as "
          + "scikit-learn); step (α·factor^⌊t/every⌋); adaptive (the tutorial's rule: after a "
          + "worse iteration go back to the best θ and shrink the step, else reset it)."),
  POWER_T(NUMBER, 0.25, "P", Rule.above(0), null, "p of --schedule inverse-scaling."),
  DECAY_FACTOR(NUMBER, 0.5, "F", Rule.in("(0, 1]"), null, "factor of --schedule step."),
  DECAY_EVERY(LONG, 100L, "N", Rule.atLeast(1), null,
      "every of --schedule step (iterations)."),
  ADAPTIVE_FACTOR(NUMBER, 0.9, "F", Rule.in("(0, 1)"), null,
      "--schedule adaptive multiplies the step by F after a worse iteration."),
  PATIENCE(INT, 100, "N", Rule.atLeast(1), null,
      "--schedule adaptive stops after N iterations without a lower cost."),
  STEP(choice(OptimizerKinds.Step.class), OptimizerKinds.Step.SCHEDULE, "MODE", null, "step",
      "schedule (the step from --schedule); line-search (every iteration tries all "
          + "--line-search-steps in ONE pass and keeps the lowest cost); backtracking (shrink "
          + "the step by half until a sufficient decrease, one pass a try); conjugate-gradient "
          + "(conjugate directions with the exact step found in the same pass: about one pass "
          + "per parameter to the optimum; batch, no L1)."),
  LINE_SEARCH_STEPS(NUMBERS, List.of(100.0, 10.0, 1.0, 0.1, 0.01, 0.001, 1e-4, 1e-5), "A",
      Rule.above(0).finite().saying("positive"), null,
      "The steps --step line-search tries (the tutorial's list)."),
  UPDATE(choices(OptimizerKinds.Update.class), List.of(OptimizerKinds.Update.PLAIN), "RULE",
      null, "update", "plain, momentum, nesterov or adam; several, comma-separated, fit one "
          + "model each in the same passes."),
  MOMENTUM(NUMBER, 0.9, "MU", Rule.in("[0, 1)"), null, "μ of --update momentum and nesterov."),
  // The betas' range is checked as a pair (DescentOptionsCheck), as it always was.
  ADAM_BETA1(NUMBER, 0.9, "B", null, null, "β1 of --update adam."),
  ADAM_BETA2(NUMBER, 0.999, "B", null, null, "β2 of --update adam."),
  ADAM_EPSILON(NUMBER, 1e-8, "E", Rule.above(0), null, "ε of --update adam."),
  PENALTY(choice(OptimizerKinds.PenaltyKind.class), OptimizerKinds.PenaltyKind.NONE, "P", null,
      null, "none, l2 (ridge), l1 (lasso) or elastic-net, on the standardized coefficients "
          + "(not the intercept): λ·(a·‖w‖₁ + (1−a)/2·‖w‖²)."),
  LAMBDA(NUMBER, 0.0, "L", Rule.atLeast(0).finite(), "regParam", "λ of --penalty."),
  /** Spark ML's {@code elasticNetParam} defaults to 0 (its ridge), as Spark's own does. */
  L1_RATIO(NUMBER, 0.5, "A", Rule.in("[0, 1]"), "elasticNetParam",
      "a of --penalty elastic-net (l2 means 0, l1 means 1)."),
  SOLVER(choice(OptimizerKinds.Solver.class), OptimizerKinds.Solver.GD, "S", null, "solver",
      "gd (gradient descent) or normal (the exact least-squares solution: a QR factor of the "
          + "rows in one pass, refined against the input as read in one more, two when the "
          + "design is ill-conditioned; no penalty, or l2 only, which is not refined)."),
  REFERENCE(choice(OptimizerKinds.Reference.class), OptimizerKinds.Reference.AUTO, "R", null,
      null, "Compute the exact optimum in one extra pass, to report the optimality gap and the "
          + "safe step: auto (when its estimated cost, about 2·n·p² flops and p² doubles of "
          + "memory, is within the planned descent's), on or off."),
  GRADIENT_CHECK(FLAG, false, null, null, null, "Compare the analytic gradient with central "
      + "differences at the start and the end (one pass each) and fail when they differ. Off "
      + "by default."),
  GRADIENT_CHECK_TOLERANCE(NUMBER, 1e-6, "T", Rule.above(0), null,
      "Largest relative difference --gradient-check accepts."),
  MAX_ITERATIONS(LONG, 1000L, "N", Rule.atLeast(0), "maxIter", "Most updates to make."),
  TOLERANCE(NUMBER, 1e-12, "T", Rule.atLeast(0).finite().note("0 disables it"), "tol",
      "The stop rule. Batch with the exact optimum known (the exact reference computed, no L1 "
          + "penalty, no aliased column): stop once every coefficient (original scale) is "
          + "within 1e-9 relative of the exact least-squares solution, so every printed digit "
          + "is right. Otherwise: stop when the relative change of the cost (batch) or of theta "
          + "(minibatch) between iterations is at most this. 0 disables both."),
  SEED(LONG, 42L, "S", null, "seed", "Seed of the mini-batch sampling and of the held-out "
      + "split: the same seed gives the same history."),
  DIVERGENCE_FACTOR(NUMBER, 100.0, "X", Rule.above(1).finite(), "divergenceFactor",
      "Stop as diverged when the cost exceeds X times the first cost."),
  TREE_DEPTH(INT, 0, "D", Rule.atLeast(0).note("0: auto"), "aggregationDepth",
      "Depth of Spark's treeAggregate of the partial sums; 0: auto (merged on the driver, a "
          + "tree of depth 2 only for many partitions)."),
  MIN_PARTITIONS(INT, 0, "P", Rule.atLeast(0), null,
      "Split the input into at least P partitions (0: as it falls)."),
  TEST_FRACTION(NUMBER, 0.0, "F", Rule.in("[0, 1)"), null, "Hold out about this fraction of "
      + "the rows, chosen by a hash of each row and --seed, to measure the model on rows it "
      + "did not see; in [0, 1), 0: none."),
  ON_BAD_ROWS(enumeration(BadRowPolicy.class), BadRowPolicy.FAIL, "POLICY", null, null,
      "fail: stop at the first row with a missing, empty or non-numeric cell, naming file, "
          + "line and column. skip: drop such rows, count them and report a few."),
  CHECKPOINT_EVERY(INT, 0, "K", Rule.atLeast(0).note("0: no checkpoints"), null,
      "Save the descent's state every K iterations into DIR.checkpoint, so that --resume can "
          + "continue after the driver died (0: no checkpoints).");

  private final OptionType type;
  private final Object defaultValue;
  private final String label;
  private final Rule rule;
  private final String mlParam;
  private final String help;

  FitOption(OptionType type, Object defaultValue, String label, Rule rule, String mlParam,
      String help) {
    this.type = type;
    this.defaultValue = defaultValue;
    this.label = label;
    this.rule = rule;
    this.mlParam = mlParam;
    this.help = help;
  }

  /** The key in conf/sparkgd.properties: {@code batch-fraction}. */
  public String key() {
    return Choices.word(this);
  }

  /** The option on the command line: {@code --batch-fraction}. */
  public String flag() {
    return "--" + key();
  }

  public OptionType type() {
    return type;
  }

  /** The default as the options hold it (a {@code Double}, a {@code List}, an enum …). */
  public Object defaultValue() {
    return defaultValue;
  }

  /** The default as the command line, --help and the properties file spell it. */
  public String defaultText() {
    return type.text(defaultValue);
  }

  /** The parameter's name in --help ({@code F}); null for a switch. */
  public String label() {
    return label;
  }

  /** The Spark ML Param of the same meaning, or null when the estimator has none. */
  public String mlParam() {
    return mlParam;
  }

  public String help() {
    return help;
  }

  /** Throws a usage error naming this option when {@code value} breaks its rule. */
  public void check(Object value) {
    if (rule != null) {
      rule.check(flag(), value);
    }
  }
}
