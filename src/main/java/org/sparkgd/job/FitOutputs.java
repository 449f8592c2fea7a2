package org.sparkgd.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.AWTError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sparkgd.config.Choices;
import org.sparkgd.config.FitConfig;
import org.sparkgd.config.Mode;
import org.sparkgd.config.PlotConfig;
import org.sparkgd.data.TrainingData;
import org.sparkgd.model.FitResult;
import org.sparkgd.model.PhaseTimes;
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
 * (nothing half-written looks complete). The plots are drawn on their own thread while the
 * history and model.json are written: in a fresh JVM each side spends most of its time loading
 * its libraries (JFreeChart and Java2D; parquet-hadoop), which one thread did one after the
 * other. model.json comes last, so that its {@code timings} include the history and the plots.
 */
final class FitOutputs {
  private static final Logger LOG = LoggerFactory.getLogger(FitOutputs.class);

  private FitOutputs() {}

  /**
   * Writes everything into the staging folder and commits it; returns what was written. The
   * outputs phase ends on {@code phases} before model.json, which records them.
   */
  static List<String> write(SparkContext spark, OutputCommitter committer, FitConfig config,
      FitResult fit, RegressionMetrics test, TrainingData data, PhaseTimes phases) {
    Path staging = committer.staging();
    CompletableFuture<List<String>> plotted = CompletableFuture.supplyAsync(() -> {
      try {
        return plots(committer, config, fit, data.rows());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, FitOutputs::daemon);
    try {
      List<String> files = new ArrayList<>();
      List<IterationRecord> history = new ArrayList<>();
      fit.runs().forEach(r -> history.addAll(r.history()));
      HistoryWriter.write(committer.fileSystem(), spark.hadoopConfiguration(),
          history, config.mode() == Mode.BATCH ? "full" : "batch", new Path(staging, "history"));
      files.add("history");
      List<String> plots = awaitPlots(plotted);
      phases.mark(PhaseTimes.OUTPUTS);
      ObjectNode json = FitModelJson.toJson(config, fit, test, data);
      FitModelJson.putTimings(json, phases);
      json.put("spark_version", spark.version());
      // The master the fit really ran on (config.master is null when spark-submit chose it).
      json.put("spark_master", spark.master());
      ModelJson.write(committer.fileSystem(), new Path(staging, ModelJson.FILE), json);
      files.add(ModelJson.FILE);
      files.addAll(plots);
      committer.commit();
      LOG.info("Wrote {}", config.output().path());
      return files;
    } catch (IOException e) {
      abort(committer, plotted);
      throw new OutputCommitter.UncheckedOutputException(
          config.output().path() + ": cannot write the output: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      abort(committer, plotted);
      throw e;
    }
  }

  /** The plots' files, or the plots' own failure to write them. */
  private static List<String> awaitPlots(CompletableFuture<List<String>> plotted)
      throws IOException {
    try {
      return plotted.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /** Removes the staged files once the plots' thread is done writing into them. */
  private static void abort(OutputCommitter committer, CompletableFuture<List<String>> plotted) {
    try {
      plotted.join();
    } catch (CompletionException e) {
      LOG.debug("The plots failed too", e.getCause());
    }
    committer.abort();
  }

  private static void daemon(Runnable task) {
    Thread thread = new Thread(task, "sparkgd-plots");
    thread.setDaemon(true);
    thread.start();
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
          Choices.word(config.mode()), rows, r.settings(), r.stopReason().label(),
          r.updates(), r.history()));
    }
    try {
      return PlotWriter.write(committer.fileSystem(), committer.staging(),
          Charts.formula(fit.model().label(), fit.model().features()), runs, false,
          PlotConfig.WIDTH, PlotConfig.HEIGHT);
    } catch (RuntimeException | LinkageError | AWTError e) {
      LOG.warn("The plots could not be drawn ({}); the history and the model are written",
          e.toString());
      LOG.debug("Plotting failed", e);
      return List.of();
    }
  }
}
