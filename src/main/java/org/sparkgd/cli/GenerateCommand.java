package org.sparkgd.cli;

import java.util.concurrent.Callable;
import org.apache.spark.SparkContext;
import org.sparkgd.UserError;
import org.sparkgd.job.GenerateJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sparkgd generate}: advertising-style data with known coefficients. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
    showDefaultValues = true,
    description = "Generate advertising-style data (TV, radio, newspaper -> sales) from a "
        + "known linear model plus noise; the model is written beside the data.")
final class GenerateCommand implements Callable<Integer> {
  enum Format { CSV, PARQUET }

  @ParentCommand
  SparkGd parent;

  @Spec
  CommandSpec spec;

  @Option(names = "--rows", paramLabel = "N", required = true, description = "Rows to make.")
  long rows;

  @Option(names = "--output", paramLabel = "PATH", required = true,
      description = "Folder of part files (or, with --single-file, one CSV file).")
  String output;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
      description = "csv or parquet.")
  Format format;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
      description = "Row i depends only on the seed and i.")
  long seed;

  @Option(names = "--partitions", paramLabel = "P", defaultValue = "0",
      description = "Tasks (and part files) to generate with (0: one per 1 million rows, "
          + "at least Spark's default parallelism).")
  int partitions;

  @Option(names = "--single-file", defaultValue = "false",
      description = "Write one CSV file from the driver, without Spark (small data only).")
  boolean singleFile;

  @Option(names = "--overwrite", defaultValue = "false",
      description = "Replace an existing output.")
  boolean overwrite;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master (default: the one spark-submit sets, else local[*]).")
  String master;

  @Override
  public Integer call() throws Exception {
    if (rows < 1) {
      throw UserError.usage("--rows must be at least 1, got " + rows);
    }
    if (singleFile) {
      if (format != Format.CSV) {
        throw UserError.usage("--single-file writes CSV only");
      }
      GenerateJob.writeSingleCsv(new org.apache.hadoop.conf.Configuration(), output, rows,
          seed, overwrite);
    } else {
      SparkContext spark = parent.sessions.open("sparkgd generate", master);
      try {
        GenerateJob.write(spark, output, rows, seed, partitions,
            format == Format.PARQUET ? "parquet" : "csv", overwrite);
      } finally {
        parent.sessions.close(spark);
      }
    }
    spec.commandLine().getOut().printf("wrote %d rows to %s%n", rows, output);
    return 0;
  }
}
