package org.sparkgd.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.AWTError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sparkgd.config.FitConfig;
import org.sparkgd.config.Mode;
import org.sparkgd.data.TrainingData;
import org.sparkgd.model.FitResult;
import org.sparkgd.model.RegressionMetrics;
import org.sparkgd.optim.DescentResult;
import org.sparkgd.optim.IterationRecord;
import org.sparkgd.output.Charts;
import org.sparkgd.output.FitModelJson;
import org.sparkgd.output.HistoryWriter;
import org.sparkgd.output.ModelJson;
import org.sparkgd.output.OutputCommitter;
import org.sparkgd.output.PlotWriter;

/**
 * A fit's outputs: the history (Parquet), model.json and the plots, staged and committed at once
 * (nothing half-written looks complete).
 */
final class FitOutputs {
  private static final Logger LOG = LoggerFactory.getLogger(FitOutputs.class);

  private FitOutputs() {}

  /** Writes everything into the staging folder and commits it; returns what was written. */
  static List<String> write(SparkSession spark, OutputCommitter committer, FitConfig config,
      FitResult fit, RegressionMetrics test, TrainingData data) {
    Path staging = committer.staging();
    try {
      List<String> files = new ArrayList<>();
      List<IterationRecord> history = new ArrayList<>();
      fit.runs().forEach(r -> history.addAll(r.history()));
      HistoryWriter.write(committer.fileSystem(), spark.sparkContext().hadoopConfiguration(),
          history, config.mode() == Mode.BATCH ? "full" : "batch", new Path(staging, "history"));
      files.add("history");
      ObjectNode json = FitModelJson.toJson(config, fit, test, data);
      json.put("spark_version", spark.version());
      // The master the fit really ran on (config.master is null when spark-submit chose it).
      json.put("spark_master", spark.sparkContext().master());
      ModelJson.write(committer.fileSystem(), new Path(staging, ModelJson.FILE), json);
      files.add(ModelJson.FILE);
      files.addAll(plots(committer, config, fit, data.rows()));
      committer.commit();
      LOG.info("Wrote {}", config.output().path());
      return files;
    } catch (IOException e) {
      committer.abort();
      throw new OutputCommitter.UncheckedOutputException(
          config.output().path() + ": cannot write the output: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      committer.abort();
      throw e;
    }
  }

  /**
   * The cost and coefficient plots, into the staging folder: one cost line per run. A plot that
   * cannot be drawn (no fonts on a bare server, say) is a warning: the history and the model are
   * what matter.
   */
  private static List<String> plots(OutputCommitter committer, FitConfig config, FitResult fit,
      long rows) throws IOException {
    List<Charts.Run> runs = new ArrayList<>();
    for (DescentResult r : fit.runs()) {
      runs.add(Charts.run(r.run(), fit.model().features(),
          config.mode().name().toLowerCase(), rows, r.settings(), r.stopReason().label(),
          r.updates(), r.history()));
    }
    try {
      return PlotWriter.write(committer.fileSystem(), committer.staging(),
          Charts.formula(fit.model().label(), fit.model().features()), runs, false,
          PlotWriter.WIDTH, PlotWriter.HEIGHT);
    } catch (RuntimeException | LinkageError | AWTError e) {
      LOG.warn("The plots could not be drawn ({}); the history and the model are written",
          e.toString());
      LOG.debug("Plotting failed", e);
      return List.of();
    }
  }
}
