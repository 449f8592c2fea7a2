package org.sparkgd.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.SparkContext;
import org.sparkgd.config.PlotConfig;
import org.sparkgd.job.PlotJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sparkgd plot}: the charts of saved histories, as PNG. */
@Command(name = "plot", mixinStandardHelpOptions = true, sortOptions = false,
    showDefaultValues = true,
    description = "Draw cost.png (cost against iteration, one line per history) and "
        + "coefficients.png (each coefficient against the cost and the iteration) from saved "
        + "histories.")
final class PlotCommand implements Callable<Integer> {
  @ParentCommand
  SparkGd parent;

  @Spec
  CommandSpec spec;

  @Option(names = "--history", paramLabel = "DIR", required = true,
      description = "A fit's output folder, or its history folder. Repeat it to compare fits "
          + "(one cost line each, named by the learning rate).")
  List<String> histories;

  @Option(names = "--output", paramLabel = "DIR",
      description = "Folder for the PNG files (default: the first fit's output folder; "
          + "plots of the same name there are replaced).")
  String output;

  @Option(names = "--log-scale", defaultValue = "false",
      description = "Draw the cost on a logarithmic axis.")
  boolean logScale;

  @Option(names = "--width", paramLabel = "PX", defaultValue = "" + PlotConfig.WIDTH,
      description = "Width of each image in pixels.")
  int width;

  @Option(names = "--height", paramLabel = "PX", defaultValue = "" + PlotConfig.HEIGHT,
      description = "Height of each image in pixels.")
  int height;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master (default: the one spark-submit sets, else local[*]).")
  String master;

  @Override
  public Integer call() {
    PlotConfig config = new PlotConfig(histories, output, logScale, width, height, master);
    SparkContext spark = parent.sessions.open("sparkgd plot", master);
    try {
      for (String file : PlotJob.run(spark, config)) {
        spec.commandLine().getOut().println("wrote " + file);
      }
      return 0;
    } finally {
      parent.sessions.close(spark);
    }
  }
}
