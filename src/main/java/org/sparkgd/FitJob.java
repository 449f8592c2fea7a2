package org.sparkgd;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.AWTError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sparkgd.config.DescentOptions;
import org.sparkgd.config.FitConfig;
import org.sparkgd.config.Mode;
import org.sparkgd.data.ColumnSelection;
import org.sparkgd.data.HoldOutSplit;
import org.sparkgd.data.Standardization;
import org.sparkgd.data.TrainingData;
import org.sparkgd.model.LinearModel;
import org.sparkgd.model.ModelMetrics;
import org.sparkgd.model.RegressionMetrics;
import org.sparkgd.optim.ConvergenceChecker;
import org.sparkgd.optim.DescentResult;
import org.sparkgd.optim.DescentSettings;
import org.sparkgd.optim.DistributedLeastSquares;
import org.sparkgd.optim.GradientDescent;
import org.sparkgd.output.Charts;
import org.sparkgd.output.HistoryWriter;
import org.sparkgd.output.ModelWriter;
import org.sparkgd.output.OutputCommitter;
import org.sparkgd.output.PlotWriter;

/**
 * One fit, from input to committed outputs: read, hold out, standardize and cache, descend,
 * measure, write. {@link #fit} is the part shared with the Spark ML estimator.
 */
public final class FitJob {
  private static final Logger LOG = LoggerFactory.getLogger(FitJob.class);
  private static final double PROGRESS_SECONDS = 5;

  private FitJob() {}

  public static FitOutcome run(SparkSession spark, FitConfig config) {
    long start = System.nanoTime();
    ColumnSelection.checkNames(config.features(), config.label());
    OutputCommitter committer = new OutputCommitter(
        spark.sparkContext().hadoopConfiguration(), config.output(), config.overwrite());
    committer.checkTarget();
    LOG.info("Fitting {} ~ {} from {} ({} mode)", config.label(),
        String.join(" + ", config.features()), config.input(),
        config.mode().name().toLowerCase());
    LOG.debug("Configuration: {}", config);
    HoldOutSplit split = config.testFraction() > 0
        ? new HoldOutSplit(config.testFraction(), config.seed()) : null;
    try (JobGroup group = JobGroup.open(spark.sparkContext(),
            "sparkgd fit: reading and caching " + config.input());
        TrainingData data = TrainingData.load(spark, config.inputSpec(), split)) {
      List<String> warnings = new ArrayList<>();
      if (split != null) {
        LOG.info("{} rows held out for testing (--test-fraction {}, --seed {})",
            data.testRows(), split.fraction(), split.seed());
        if (data.testRows() == 0) {
          warnings.add("--test-fraction " + split.fraction() + " held out no rows: there are no "
              + "test metrics");
          LOG.warn(warnings.get(0));
        }
      }
      FitResult fit = fit(data, config.label(), config.features(), config.descentOptions());
      warnings.addAll(0, fit.warnings());
      RegressionMetrics test = null;
      if (data.testRows() > 0) {
        group.describe("sparkgd fit: test metrics");
        test = ModelMetrics.onOriginal(data.testBlocks(), fit.model());
        LOG.info("Test metrics ({} rows, original scale): {}", test.rows(), describe(test));
      }
      group.describe("sparkgd fit: writing " + config.output());
      List<String> files = write(spark, committer, config, fit, test, data, warnings);
      return new FitOutcome(fit.model(), fit.result(), data.rows(), warnings, config.output(),
          (System.nanoTime() - start) / 1e9, fit.training(), test, files);
    }
  }

  /**
   * The descent on prepared rows, then the training metrics: the one fitting path of the
   * command line and of {@code org.sparkgd.ml.GradientDescentRegressor}.
   */
  public static FitResult fit(TrainingData data, String label, List<String> features,
      DescentOptions options) {
    try (JobGroup group = JobGroup.open(data.blocks().context(), "sparkgd fit: descent")) {
      List<String> warnings = warnings(data, label, features);
      warnings.forEach(LOG::warn);
      LOG.info("{} rows cached in {} partitions", data.rows(),
          data.blocks().getNumPartitions());
      DescentResult result = new GradientDescent(settings(options)).run(
          new DistributedLeastSquares(data, options.treeDepth(), options.samplingFraction(),
              options.seed(), options.maxIterations()),
          new double[features.size() + 1],
          new ProgressLog(options.maxIterations(), PROGRESS_SECONDS));
      LOG.info("Descent stopped: {} after {} iterations, cost {}", result.stopReason().label(),
          result.updates(), result.finalCost());
      LinearModel model = new LinearModel(label, features, data.standardization(),
          result.theta());
      group.describe("sparkgd fit: training metrics");
      RegressionMetrics training = ModelMetrics.onStandardized(data.blocks(), model);
      LOG.info("Training metrics ({} rows, original scale): {}", training.rows(),
          describe(training));
      return new FitResult(model, result, warnings, training);
    }
  }

  static DescentSettings settings(DescentOptions options) {
    ConvergenceChecker convergence = options.mode() == Mode.BATCH
        ? ConvergenceChecker.relativeCostChange(options.tolerance())
        : ConvergenceChecker.relativeParameterChange(options.tolerance());
    return new DescentSettings(options.learningRate(), options.maxIterations(), convergence,
        options.divergenceFactor());
  }

  private static String describe(RegressionMetrics m) {
    return String.format("RMSE %.6g, MAE %.6g, R² %.6g", m.rmse(), m.mae(), m.r2());
  }

  private static List<String> warnings(TrainingData data, String label, List<String> features) {
    List<String> warnings = new ArrayList<>();
    Standardization s = data.standardization();
    for (int j : s.constantFeatures()) {
      warnings.add("feature '" + features.get(j) + "' has the same value ("
          + s.featureMeans()[j] + ") in every row: its coefficient is fixed at 0");
    }
    if (s.constantLabel()) {
      warnings.add("label '" + label + "' has the same value (" + s.labelMean()
          + ") in every row: the model is that constant");
    }
    if (data.rows() <= features.size()) {
      warnings.add(data.rows() + " rows for " + features.size() + " features: the "
          + "least-squares solution is not unique; gradient descent from 0 finds the one of "
          + "smallest norm");
    }
    return warnings;
  }

  /**
   * The cost and coefficient plots, into the staging folder. A plot that cannot be drawn (no
   * fonts on a bare server, say) is a warning: the history and the model are what matter.
   */
  private static List<String> plots(OutputCommitter committer, FitConfig config, FitResult fit,
      long rows) throws IOException {
    DescentResult result = fit.result();
    Charts.Run run = Charts.run(config.features(), config.mode().name().toLowerCase(),
        config.learningRate(), rows, result.stopReason().label(), result.updates(),
        result.history());
    try {
      return PlotWriter.write(committer.fileSystem(), committer.staging(),
          Charts.formula(config.label(), config.features()), List.of(run), false,
          PlotWriter.WIDTH, PlotWriter.HEIGHT);
    } catch (RuntimeException | LinkageError | AWTError e) {
      LOG.warn("The plots could not be drawn ({}); the history and the model are written",
          e.toString());
      LOG.debug("Plotting failed", e);
      return List.of();
    }
  }

  /** Writes everything into the staging folder and commits it; returns what was written. */
  private static List<String> write(SparkSession spark, OutputCommitter committer,
      FitConfig config, FitResult fit, RegressionMetrics test, TrainingData data,
      List<String> warnings) {
    Path staging = committer.staging();
    try {
      List<String> files = new ArrayList<>();
      HistoryWriter.write(spark, fit.result().history(),
          config.mode() == Mode.BATCH ? "full" : "batch", new Path(staging, "history").toString());
      files.add("history");
      ObjectNode json = ModelWriter.toJson(fit.model(), fit.result(), data.rows(),
          data.blocks().getNumPartitions(), config, warnings, spark.version());
      ModelWriter.putMetrics(json, fit.training(), test);
      ModelWriter.write(committer.fileSystem(), new Path(staging, "model.json"), json);
      files.add("model.json");
      files.addAll(plots(committer, config, fit, data.rows()));
      committer.commit();
      LOG.info("Wrote {}", config.output());
      return files;
    } catch (IOException e) {
      committer.abort();
      throw new OutputCommitter.UncheckedOutputException(
          config.output() + ": cannot write the output: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      committer.abort();
      throw e;
    }
  }
}
