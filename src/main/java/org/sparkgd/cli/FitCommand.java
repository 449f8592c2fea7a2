package org.sparkgd.cli;

import java.io.File;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.sparkgd.FitJob;
import org.sparkgd.FitOutcome;
import org.sparkgd.config.FitConfig;
import org.sparkgd.config.Mode;
import org.sparkgd.data.InputFormat;
import org.sparkgd.optim.IterationRecord;
import org.sparkgd.optim.StopReason;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
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

  @Option(names = "--learning-rate", paramLabel = "A", defaultValue = "0.1",
      description = "Step size α in θ ← θ − α·∇J (standardized scale).")
  double learningRate;

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

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master, e.g. local[4] or spark://host:7077 (default: the one "
          + "spark-submit sets, else local[*]).")
  String master;

  @Option(names = ConfigFile.OPTION, paramLabel = "FILE",
      description = "A properties file of option defaults (key = option name without "
          + "dashes); options given here override it.")
  File config;

  @Override
  public Integer call() {
    FitConfig fitConfig = toConfig();
    SparkSession spark = parent.sessions.open("sparkgd fit", master);
    try {
      FitOutcome outcome = FitJob.run(spark, fitConfig);
      PrintWriter out = spec.commandLine().getOut();
      Summary.print(out, outcome, fitConfig);
      if (outcome.result().stopReason() == StopReason.DIVERGED) {
        spec.commandLine().getErr().println("sparkgd: error: " + divergence(outcome, fitConfig));
        return SparkGd.DIVERGED_EXIT_CODE;
      }
      return 0;
    } finally {
      parent.sessions.close(spark);
    }
  }

  FitConfig toConfig() {
    return new FitConfig(input, format, Delimiters.parse(delimiter), label,
        features == null ? List.of() : features, output,
        overwrite, mode, batchFraction, learningRate, maxIterations, tolerance, seed,
        divergenceFactor, treeDepth, minPartitions, testFraction, master);
  }

  private static String divergence(FitOutcome outcome, FitConfig config) {
    List<IterationRecord> h = outcome.result().history();
    IterationRecord last = h.get(h.size() - 1);
    return "the fit diverged at iteration " + last.iteration() + " (cost " + last.cost()
        + "): the learning rate " + config.learningRate() + " is too large; try "
        + "--learning-rate " + config.learningRate() / 10 + ". The history so far is in "
        + config.output();
  }
}
