package org.sparkgd.cli;

import java.io.File;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.sparkgd.job.FitJob;
import org.sparkgd.job.FitOutcome;
import org.sparkgd.UserError;
import org.sparkgd.config.FitConfig;
import org.sparkgd.config.Mode;
import org.sparkgd.config.OptimizerKinds;
import org.sparkgd.data.BadRowPolicy;
import org.sparkgd.data.InputFormat;
import org.sparkgd.optim.IterationRecord;
import org.sparkgd.optim.StopReason;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sparkgd fit}: the options of a fit, and its summary. */
@Command(name = "fit", mixinStandardHelpOptions = true, sortOptions = false,
    showDefaultValues = true,
    description = "Fit a linear regression by gradient descent and write the cost history "
        + "(Parquet) and the model (JSON) to the output folder.")
final class FitCommand implements Callable<Integer> {
  @ParentCommand
  SparkGd parent;

  @Spec
  CommandSpec spec;

  @Option(names = "--input", paramLabel = "PATH",
      description = "CSV with a header, or Parquet: a file, a folder of part files or a glob; "
          + "any Hadoop file system (file://, hdfs://, s3a://).")
  String input;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
      description = "auto, csv or parquet (auto: parquet when every file ends in .parquet).")
  InputFormat format;

  @Option(names = "--delimiter", paramLabel = "CHAR", defaultValue = ",",
      description = "CSV field separator: one character, or 'tab'.")
  String delimiter;

  @Option(names = "--label", paramLabel = "COL", description = "The column to predict.")
  String label;

  @Option(names = "--features", paramLabel = "COL", split = ",",
      description = "The predictor columns, comma-separated; other columns are ignored.")
  List<String> features;

  @Option(names = "--output", paramLabel = "DIR",
      description = "Folder for history/ (Parquet) and model.json; must not exist.")
  String output;

  @Option(names = "--overwrite", defaultValue = "false",
      description = "Replace an existing output folder (it is kept until the new one is "
          + "complete). Off by default: an existing output is refused.")
  boolean overwrite;

  @Option(names = "--mode", paramLabel = "MODE", defaultValue = "batch",
      description = "batch (all rows every iteration) or minibatch (a fresh sample of "
          + "--batch-fraction of the rows every iteration).")
  Mode mode;

  @Option(names = "--batch-fraction", paramLabel = "F", defaultValue = "0.1",
      description = "Expected fraction of rows in each mini-batch, in (0, 1].")
  double batchFraction;

  @Option(names = "--learning-rate", paramLabel = "A", defaultValue = "auto",
      description = "Step size α in θ ← θ − α·d (standardized scale), or auto: 1/L, the safe "
          + "step from the exact reference (Adam: 0.01). Several, comma-separated, fit one "
          + "model each in the same passes over the data (a sweep).")
  String learningRate;

  @Option(names = "--schedule", paramLabel = "S", defaultValue = "constant",
      description = "constant; inverse-sqrt (α/√t, as MLlib); inverse-scaling (α/t^p, as "
          + "scikit-learn); step (α·factor^⌊t/every⌋); adaptive (the tutorial's rule: after a "
          + "worse iteration go back to the best θ and shrink the step, else reset it).")
  String schedule;

  @Option(names = "--power-t", paramLabel = "P", defaultValue = "0.25",
      description = "p of --schedule inverse-scaling.")
  double powerT;

  @Option(names = "--decay-factor", paramLabel = "F", defaultValue = "0.5",
      description = "factor of --schedule step.")
  double decayFactor;

  @Option(names = "--decay-every", paramLabel = "N", defaultValue = "100",
      description = "every of --schedule step (iterations).")
  long decayEvery;

  @Option(names = "--adaptive-factor", paramLabel = "F", defaultValue = "0.9",
      description = "--schedule adaptive multiplies the step by F after a worse iteration.")
  double adaptiveFactor;

  @Option(names = "--patience", paramLabel = "N", defaultValue = "100",
      description = "--schedule adaptive stops after N iterations without a lower cost.")
  int patience;

  @Option(names = "--step", paramLabel = "MODE", defaultValue = "schedule",
      description = "schedule (the step from --schedule); line-search (every iteration tries "
          + "all --line-search-steps in ONE pass and keeps the lowest cost); backtracking "
          + "(shrink the step by half until a sufficient decrease, one pass a try); "
          + "conjugate-gradient (conjugate directions with the exact step found in the same "
          + "pass: about one pass per parameter to the optimum; batch, no L1).")
  String step;

  @Option(names = "--line-search-steps", paramLabel = "A", split = ",",
      defaultValue = "100,10,1,0.1,0.01,0.001,0.0001,0.00001",
      description = "The steps --step line-search tries (the tutorial's list).")
  List<Double> lineSearchSteps;

  @Option(names = "--update", paramLabel = "RULE", split = ",", defaultValue = "plain",
      description = "plain, momentum, nesterov or adam; several, comma-separated, fit one model "
          + "each in the same passes.")
  List<String> updates;

  @Option(names = "--momentum", paramLabel = "MU", defaultValue = "0.9",
      description = "μ of --update momentum and nesterov.")
  double momentum;

  @Option(names = "--adam-beta1", paramLabel = "B", defaultValue = "0.9",
      description = "β1 of --update adam.")
  double adamBeta1;

  @Option(names = "--adam-beta2", paramLabel = "B", defaultValue = "0.999",
      description = "β2 of --update adam.")
  double adamBeta2;

  @Option(names = "--adam-epsilon", paramLabel = "E", defaultValue = "1e-8",
      description = "ε of --update adam.")
  double adamEpsilon;

  @Option(names = "--penalty", paramLabel = "P", defaultValue = "none",
      description = "none, l2 (ridge), l1 (lasso) or elastic-net, on the standardized "
          + "coefficients (not the intercept): λ·(a·‖w‖₁ + (1−a)/2·‖w‖²).")
  String penalty;

  @Option(names = "--lambda", paramLabel = "L", defaultValue = "0",
      description = "λ of --penalty.")
  double lambda;

  @Option(names = "--l1-ratio", paramLabel = "A", defaultValue = "0.5",
      description = "a of --penalty elastic-net (l2 means 0, l1 means 1).")
  double l1Ratio;

  @Option(names = "--solver", paramLabel = "S", defaultValue = "gd",
      description = "gd (gradient descent) or normal (solve the normal equations exactly from "
          + "the Gram matrix, one pass; no penalty or l2 only).")
  String solver;

  @Option(names = "--reference", paramLabel = "R", defaultValue = "auto",
      description = "Compute the exact optimum in one extra pass, to report the optimality gap "
          + "and the safe step: auto (up to 200 features), on or off.")
  String reference;

  @Option(names = "--gradient-check", defaultValue = "false",
      description = "Compare the analytic gradient with central differences at the start and "
          + "the end (one pass each) and fail when they differ. Off by default.")
  boolean gradientCheck;

  @Option(names = "--gradient-check-tolerance", paramLabel = "T", defaultValue = "1e-6",
      description = "Largest relative difference --gradient-check accepts.")
  double gradientCheckTolerance;

  @Option(names = "--max-iterations", paramLabel = "N", defaultValue = "1000",
      description = "Most updates to make.")
  long maxIterations;

  @Option(names = "--tolerance", paramLabel = "T", defaultValue = "1e-12",
      description = "Stop when the relative change of the cost (batch) or of θ (minibatch) "
          + "between iterations is at most T; 0 disables it.")
  double tolerance;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
      description = "Seed of the mini-batch sampling and of the held-out split: the same "
          + "seed gives the same history.")
  long seed;

  @Option(names = "--divergence-factor", paramLabel = "X", defaultValue = "100",
      description = "Stop as diverged when the cost exceeds X times the first cost.")
  double divergenceFactor;

  @Option(names = "--tree-depth", paramLabel = "D", defaultValue = "2",
      description = "Depth of Spark's treeAggregate of the partial sums.")
  int treeDepth;

  @Option(names = "--min-partitions", paramLabel = "P", defaultValue = "0",
      description = "Split the input into at least P partitions (0: as it falls).")
  int minPartitions;

  @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "0",
      description = "Hold out about this fraction of the rows, chosen by a hash of each row "
          + "and --seed, to measure the model on rows it did not see; in [0, 1), 0: none.")
  double testFraction;

  @Option(names = "--on-bad-rows", paramLabel = "POLICY", defaultValue = "fail",
      description = "fail: stop at the first row with a missing, empty or non-numeric cell, "
          + "naming file, line and column. skip: drop such rows, count them and report a few.")
  BadRowPolicy onBadRows;

  @Option(names = "--checkpoint-every", paramLabel = "K", defaultValue = "0",
      description = "Save the descent's state every K iterations into DIR.checkpoint, so that "
          + "--resume can continue after the driver died (0: no checkpoints).")
  int checkpointEvery;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master, e.g. local[4] or spark://host:7077 (default: the one "
          + "spark-submit sets, else local[*]).")
  String master;

  @Option(names = ConfigFile.OPTION, paramLabel = "FILE",
      description = "A properties file of option defaults (key = option name without "
          + "dashes); options given here override it.")
  File config;

  @Option(names = "--resume", paramLabel = "DIR",
      description = "Continue the interrupted fit whose --output was DIR from its last "
          + "checkpoint, with that fit's options; it ends as the uninterrupted fit would have.")
  String resume;

  /** Options that may go with --resume: the rest come from the checkpoint. */
  private static final Set<String> RESUME_OPTIONS = Set.of("--resume", "--master",
      ConfigFile.OPTION);

  @Override
  public Integer call() {
    FitConfig fitConfig = resume == null ? toConfig() : null;
    if (resume != null) {
      checkResumeOptions();
    }
    SparkSession spark = parent.sessions.open("sparkgd fit", master);
    try {
      FitOutcome outcome = resume == null ? FitJob.run(spark, fitConfig)
          : FitJob.resume(spark, resume);
      Summary.print(spec.commandLine().getOut(), outcome);
      if (outcome.result().stopReason() == StopReason.DIVERGED) {
        spec.commandLine().getErr().println("sparkgd: error: " + divergence(outcome));
        return SparkGd.DIVERGED_EXIT_CODE;
      }
      return 0;
    } finally {
      parent.sessions.close(spark);
    }
  }

  private void checkResumeOptions() {
    for (OptionSpec option : spec.commandLine().getParseResult().matchedOptions()) {
      if (!RESUME_OPTIONS.contains(option.longestName())) {
        throw UserError.usage("--resume continues with the interrupted fit's own options; "
            + "do not pass " + option.longestName());
      }
    }
  }

  FitConfig toConfig() {
    return new FitConfig(input, format, Delimiters.parse(delimiter), label,
        features == null ? List.of() : features, output, overwrite, mode, batchFraction,
        learningRates(), choice("--schedule", schedule, OptimizerKinds.Schedule.class), powerT,
        decayFactor, decayEvery, adaptiveFactor, patience,
        choice("--step", step, OptimizerKinds.Step.class), lineSearchSteps,
        updates.stream().map(u -> choice("--update", u, OptimizerKinds.Update.class)).toList(),
        momentum, adamBeta1, adamBeta2, adamEpsilon,
        choice("--penalty", penalty, OptimizerKinds.PenaltyKind.class), lambda, l1Ratio,
        choice("--solver", solver, OptimizerKinds.Solver.class),
        choice("--reference", reference, OptimizerKinds.Reference.class), gradientCheck,
        gradientCheckTolerance, maxIterations, tolerance, seed, divergenceFactor, treeDepth,
        minPartitions, onBadRows, checkpointEvery, testFraction, master);
  }

  private List<Double> learningRates() {
    if (learningRate.strip().equalsIgnoreCase("auto")) {
      return List.of();
    }
    List<Double> rates = new java.util.ArrayList<>();
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

  /** A lower-case, hyphenated option value (line-search) as its enum constant (LINE_SEARCH). */
  static <E extends Enum<E>> E choice(String option, String value, Class<E> type) {
    String name = value.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(name)) {
        return constant;
      }
    }
    List<String> allowed = java.util.Arrays.stream(type.getEnumConstants())
        .map(c -> c.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).toList();
    throw UserError.usage(option + " must be one of " + String.join(", ", allowed) + ", got '"
        + value + "'");
  }

  private static String divergence(FitOutcome outcome) {
    FitConfig config = outcome.config();
    List<IterationRecord> h = outcome.result().history();
    IterationRecord last = h.get(h.size() - 1);
    double rate = last.iteration() == 0 ? Double.NaN : h.get(1).stepSize();
    return "the fit diverged at iteration " + last.iteration() + " (cost " + last.cost()
        + "): the learning rate " + rate + " is too large; try --learning-rate " + rate / 10
        + " or leave it out (auto: the safe step 1/L). The history so far is in "
        + config.output();
  }
}
