package org.sparkgd.cli;

import java.util.concurrent.Callable;
import org.apache.spark.SparkContext;
import org.sparkgd.config.InputFormat;
import org.sparkgd.config.InputSource;
import org.sparkgd.config.OutputSpec;
import org.sparkgd.config.PredictConfig;
import org.sparkgd.job.PredictJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sparkgd predict}: a saved model applied to new rows. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
    showDefaultValues = true,
    description = "Apply a fitted model to a CSV or Parquet input: write its rows, every "
        + "column kept, with a 'prediction' column (original scale).")
final class PredictCommand implements Callable<Integer> {
  @ParentCommand
  SparkGd parent;

  @Spec
  CommandSpec spec;

  @Option(names = "--model", paramLabel = "DIR", required = true,
      description = "The output folder of a fit (it holds model.json).")
  String model;

  @Option(names = "--input", paramLabel = "PATH", required = true,
      description = "CSV with a header, or Parquet: a file, a folder of part files or a glob. "
          + "It needs the model's feature columns; the label is not needed.")
  String input;

  @Option(names = "--input-format", paramLabel = "FORMAT", defaultValue = "auto",
      description = "auto, csv or parquet (auto: parquet when every file ends in .parquet).")
  InputFormat inputFormat;

  @Option(names = "--delimiter", paramLabel = "CHAR", defaultValue = ",",
      description = "CSV field separator of the input: one character, or 'tab'.")
  String delimiter;

  @Option(names = "--output", paramLabel = "PATH", required = true,
      description = "Folder for the rows with predictions (part files); must not exist.")
  String output;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
      description = "Output format: csv, parquet, or auto (the input's format).")
  InputFormat format;

  @Option(names = "--overwrite", defaultValue = "false",
      description = "Replace an existing output (kept until the new one is complete).")
  boolean overwrite;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master (default: the one spark-submit sets, else local[*]).")
  String master;

  @Override
  public Integer call() {
    PredictConfig config = new PredictConfig(model,
        new InputSource(input, inputFormat, Delimiters.parse(delimiter)),
        new OutputSpec(output, overwrite), format, master);
    SparkContext spark = parent.sessions.open("sparkgd predict", master);
    try {
      PredictJob.Outcome outcome = PredictJob.run(spark, config);
      spec.commandLine().getOut().printf("wrote %d rows with '%s' (predicted %s) to %s (%s)%n",
          outcome.rows(), PredictJob.PREDICTION, outcome.model().label(), outcome.output(),
          outcome.format());
      return 0;
    } finally {
      parent.sessions.close(spark);
    }
  }
}
