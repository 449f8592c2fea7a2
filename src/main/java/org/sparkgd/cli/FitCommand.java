package org.sparkgd.cli;

import java.io.File;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.SparkContext;
import org.sparkgd.UserError;
import org.sparkgd.config.DescentOptions;
import org.sparkgd.config.FitConfig;
import org.sparkgd.config.FitOption;
import org.sparkgd.config.InputSource;
import org.sparkgd.config.InputSpec;
import org.sparkgd.config.OptionValues;
import org.sparkgd.config.OutputSpec;
import org.sparkgd.job.FitJob;
import org.sparkgd.job.FitOutcome;
import org.sparkgd.optim.IterationRecord;
import org.sparkgd.optim.StopReason;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sparkgd fit}: the options of a fit, and its summary. The options with a default are
 * declared in {@link FitOption} and added by {@link DeclaredOptions}; those here have none.
 */
@Command(name = "fit", mixinStandardHelpOptions = true, sortOptions = false,
    showDefaultValues = true, modelTransformer = DeclaredOptions.class,
    description = "Fit a linear regression by gradient descent and write the cost history "
        + "(Parquet) and the model (JSON) to the output folder.")
final class FitCommand implements Callable<Integer> {
  @ParentCommand
  SparkGd parent;

  @Spec
  CommandSpec spec;

  @Option(names = "--input", paramLabel = "PATH", order = DeclaredOptions.FIRST,
      description = "CSV with a header, or Parquet: a file, a folder of part files or a glob; "
          + "any Hadoop file system (file://, hdfs://, s3a://).")
  String input;

  @Option(names = "--label", paramLabel = "COL", description = "The column to predict.")
  String label;

  @Option(names = "--features", paramLabel = "COL", split = ",",
      description = "The predictor columns, comma-separated; other columns are ignored.")
  List<String> features;

  @Option(names = "--formula", paramLabel = "FORMULA",
      description = "Instead of --label/--features, an R formula such as \"sales ~ TV * radio\":"
          + " + adds a term, a:b interacts, a*b is a + b + a:b, I(x^2) a power, . every other "
          + "column, - 1 or + 0 drops the intercept; string columns become treatment-coded "
          + "dummies (the first level in sorted order is the reference).")
  String formula;

  @Option(names = "--no-intercept",
      description = "Fit through the origin (as a formula's - 1): no intercept, the columns "
          + "are scaled but not centered, and R² is uncentered (1 - RSS/Σy²), as in R. Off by "
          + "default: the model has an intercept.")
  boolean noIntercept;

  @Option(names = "--weight", paramLabel = "COL",
      description = "Weighted least squares with the row weights in COL (cost Σ w r² / Σ w);"
          + " weights must be finite, non-negative and not all zero.")
  String weight;

  @Option(names = "--output", paramLabel = "DIR",
      description = "Folder for history/ (Parquet) and model.json; must not exist.")
  String output;

  @Option(names = "--overwrite",
      description = "Replace an existing output folder (it is kept until the new one is "
          + "complete). Off by default: an existing output is refused.")
  boolean overwrite;

  @Option(names = "--master", paramLabel = "URL", order = DeclaredOptions.AFTER,
      description = "Spark master, e.g. local[4] or spark://host:7077 (default: the one "
          + "spark-submit sets, else local[*]).")
  String master;

  @Option(names = ConfigFile.OPTION, paramLabel = "FILE", order = DeclaredOptions.AFTER,
      description = "A properties file of option defaults (key = option name without "
          + "dashes); options given here override it.")
  File config;

  @Option(names = "--resume", paramLabel = "DIR", order = DeclaredOptions.AFTER,
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
    SparkContext spark = parent.sessions.open("sparkgd fit", master);
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
    OptionValues v = DeclaredOptions.values(spec);
    InputSource source = new InputSource(input, v.get(FitOption.FORMAT),
        Delimiters.parse(v.get(FitOption.DELIMITER)));
    InputSpec in = new InputSpec(source, label, features == null ? List.of() : features,
        v.get(FitOption.MIN_PARTITIONS), v.get(FitOption.ON_BAD_ROWS), formula, noIntercept,
        weight);
    return new FitConfig(in, new OutputSpec(output, overwrite), DescentOptions.from(v),
        v.get(FitOption.CHECKPOINT_EVERY), v.get(FitOption.TEST_FRACTION), master);
  }

  private static String divergence(FitOutcome outcome) {
    FitConfig config = outcome.config();
    List<IterationRecord> h = outcome.result().history();
    IterationRecord last = h.get(h.size() - 1);
    double rate = last.iteration() == 0 ? Double.NaN : h.get(1).stepSize();
    return "the fit diverged at iteration " + last.iteration() + " (cost " + last.cost()
        + "): the learning rate " + rate + " is too large; try --learning-rate " + rate / 10
        + " or leave it out (auto: a step below 2/L). The history so far is in "
        + config.output().path();
  }
}
