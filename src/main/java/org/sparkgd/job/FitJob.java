package org.sparkgd.job;
import org.sparkgd.model.FitResult;
import org.sparkgd.UserError;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.AWTError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sparkgd.config.DescentOptions;
import org.sparkgd.config.FitConfig;
import org.sparkgd.config.Mode;
import org.sparkgd.config.OptimizerKinds;
import org.sparkgd.data.ColumnSelection;
import org.sparkgd.data.HoldOutSplit;
import org.sparkgd.data.InputFiles;
import org.sparkgd.data.Standardization;
import org.sparkgd.data.TrainingData;
import org.sparkgd.model.LinearModel;
import org.sparkgd.model.ModelMetrics;
import org.sparkgd.model.RegressionMetrics;
import org.sparkgd.optim.Checkpoints;
import org.sparkgd.optim.ConvergenceChecker;
import org.sparkgd.optim.DescentResult;
import org.sparkgd.optim.DescentSettings;
import org.sparkgd.optim.DescentState;
import org.sparkgd.engine.LeastSquaresLoss;
import org.sparkgd.optim.Evaluation;
import org.sparkgd.engine.ExactReference;
import org.sparkgd.optim.GradientCheck;
import org.sparkgd.optim.GradientDescent;
import org.sparkgd.optim.IterationRecord;
import org.sparkgd.optim.Penalty;
import org.sparkgd.optim.RunSettings;
import org.sparkgd.optim.StopReason;
import org.sparkgd.output.Charts;
import org.sparkgd.output.CheckpointStore;
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
    return run(spark, config, null);
  }

  /**
   * Continues the fit whose output was to be {@code output} from its latest checkpoint, with
   * that fit's configuration, and ends as the uninterrupted fit would have.
   */
  public static FitOutcome resume(SparkSession spark, String output) {
    CheckpointStore.Checkpoint checkpoint =
        new CheckpointStore(spark.sparkContext().hadoopConfiguration(), output).latest();
    LOG.info("Resuming {} after pass {}", output, checkpoint.state().passes());
    return run(spark, checkpoint.config(), checkpoint);
  }

  private static FitOutcome run(SparkSession spark, FitConfig config,
      CheckpointStore.Checkpoint resumeFrom) {
    long start = System.nanoTime();
    Configuration hadoopConf = spark.sparkContext().hadoopConfiguration();
    ColumnSelection.checkNames(config.features(), config.label());
    OutputCommitter committer = new OutputCommitter(hadoopConf, config.output(),
        config.overwrite());
    committer.checkTarget();
    InputFiles files = InputFiles.list(hadoopConf, config.input());
    List<String> fingerprint = files.fingerprint();
    if (resumeFrom != null && !resumeFrom.inputFingerprint().equals(fingerprint)) {
      throw new UserError(config.input() + ": the input changed since the checkpoint was "
          + "saved (was " + resumeFrom.inputFingerprint() + ", now " + fingerprint + "); "
          + "start a new fit instead of --resume");
    }
    CheckpointStore checkpoints = new CheckpointStore(hadoopConf, config.output());
    LOG.info("Fitting {} ~ {} from {} ({} mode)", config.label(),
        String.join(" + ", config.features()), config.input(),
        config.mode().name().toLowerCase());
    LOG.debug("Configuration: {}", config);
    HoldOutSplit split = config.testFraction() > 0
        ? new HoldOutSplit(config.testFraction(), config.seed()) : null;
    try (JobGroup group = JobGroup.open(spark.sparkContext(),
            "sparkgd fit: reading and caching " + config.input());
        TrainingData data = TrainingData.load(spark, config.inputSpec(), files, split)) {
      List<String> extraWarnings = new ArrayList<>();
      if (split != null) {
        LOG.info("{} rows held out for testing (--test-fraction {}, --seed {})",
            data.testRows(), split.fraction(), split.seed());
        if (data.testRows() == 0) {
          extraWarnings.add("--test-fraction " + split.fraction() + " held out no rows: there "
              + "are no test metrics");
        }
      }
      FitResult fit = fit(data, config.label(), config.features(), config.descentOptions(),
          resumeFrom == null ? null : resumeFrom.state(), config.checkpointEvery(),
          state -> checkpoints.save(config, fingerprint, state), extraWarnings);
      RegressionMetrics test = null;
      if (data.testRows() > 0) {
        group.describe("sparkgd fit: test metrics");
        test = ModelMetrics.onOriginal(data.testBlocks(), fit.model());
        LOG.info("Test metrics ({} rows, original scale): {}", test.rows(), describe(test));
      }
      group.describe("sparkgd fit: writing " + config.output());
      List<String> written = write(spark, committer, config, fit, test, data);
      checkpoints.delete();
      return new FitOutcome(config, fit, data.rows(), test, written,
          (System.nanoTime() - start) / 1e9);
    }
  }

  /**
   * The descent on prepared rows, then the training metrics: the one fitting path of the
   * command line and of {@code org.sparkgd.ml.GradientDescentRegressor}.
   */
  public static FitResult fit(TrainingData data, String label, List<String> features,
      DescentOptions options) {
    return fit(data, label, features, options, null, 0, Checkpoints.NONE, List.of());
  }

  /**
   * @param resumeFrom the descent's state to continue from (a checkpoint), or null
   * @param moreWarnings warnings found before the fit (they come first)
   */
  static FitResult fit(TrainingData data, String label, List<String> features,
      DescentOptions options, DescentState resumeFrom, long checkpointEvery,
      Checkpoints checkpoints, List<String> moreWarnings) {
    try (JobGroup group = JobGroup.open(data.blocks().context(), "sparkgd fit: descent")) {
      List<String> warnings = new ArrayList<>(moreWarnings);
      warnings.addAll(warnings(data, label, features));
      warnings.forEach(LOG::warn);
      LOG.info("{} rows cached in {} partitions", data.rows(),
          data.blocks().getNumPartitions());
      LeastSquaresLoss cost = new LeastSquaresLoss(data, options.treeDepth(),
          options.samplingFraction(), options.seed(), options.maxIterations());
      Penalty penalty = DescentPlan.penalty(options);
      ExactReference reference = DescentPlan.wantsReference(options, features.size())
          ? ExactReference.of(cost.gram(), penalty) : null;
      Evaluation atOptimum = null;
      if (reference != null && reference.hasOptimum() && options.mode() == Mode.BATCH) {
        atOptimum = cost.evaluate(reference.theta(), 0);
        reference = reference.withMeasuredObjective(
            atOptimum.cost() + penalty.value(reference.theta()));
      }
      if (reference != null) {
        LOG.info("Exact reference: optimal objective {}, largest curvature L = {} (safe step "
            + "1/L = {})", reference.optimalObjective(), reference.lipschitz(),
            reference.safeStep());
      }
      List<RunSettings> runs = DescentPlan.runs(options, reference);
      runs.forEach(r -> LOG.info("Run {}", r));
      double[] start0 = new double[features.size() + 1];
      List<Double> checks = new ArrayList<>();
      if (options.gradientCheck()) {
        checks.add(gradientCheck(cost, start0, "start", options));
      }
      List<DescentResult> results = options.solver() == OptimizerKinds.Solver.NORMAL
          ? List.of(normalEquations(cost, reference, penalty, atOptimum))
          : new GradientDescent(settings(options, reference), checkpointEvery).run(cost, runs,
              start0, resumeFrom, new ProgressLog(options.maxIterations(), PROGRESS_SECONDS),
              checkpoints);
      DescentResult best = best(results);
      LOG.info("Descent stopped: {} after {} iterations, cost {}", best.stopReason().label(),
          best.updates(), best.finalCost());
      if (options.gradientCheck()) {
        checks.add(gradientCheck(cost, best.theta(), "end", options));
      }
      LinearModel model = new LinearModel(label, features, data.standardization(),
          best.theta());
      group.describe("sparkgd fit: training metrics");
      RegressionMetrics training = ModelMetrics.onStandardized(data.blocks(), model);
      LOG.info("Training metrics ({} rows, original scale): {}", training.rows(),
          describe(training));
      return new FitResult(model, best, results, reference, warnings, training, checks);
    }
  }

  private static String describe(RegressionMetrics m) {
    return String.format(java.util.Locale.ROOT, "RMSE %.6g, MAE %.6g, R² %.6g", m.rmse(),
        m.mae(), m.r2());
  }

  static DescentSettings settings(DescentOptions config, ExactReference reference) {
    ConvergenceChecker convergence = config.mode() == Mode.BATCH
        ? ConvergenceChecker.relativeCostChange(config.tolerance())
        : ConvergenceChecker.relativeParameterChange(config.tolerance());
    double optimum = reference != null && reference.hasOptimum()
        ? reference.optimalObjective() : Double.NaN;
    return new DescentSettings(config.maxIterations(), convergence, config.divergenceFactor(),
        optimum);
  }

  /** The run with the lowest final objective among those that did not diverge. */
  static DescentResult best(List<DescentResult> results) {
    return results.stream()
        .min(Comparator.comparing((DescentResult r) -> r.stopReason() == StopReason.DIVERGED)
            .thenComparingDouble(r -> Double.isNaN(r.finalObjective())
                ? Double.POSITIVE_INFINITY : r.finalObjective()))
        .orElseThrow();
  }

  /** The exact solution, evaluated in one pass so its history row holds a measured cost. */
  private static DescentResult normalEquations(LeastSquaresLoss cost,
      ExactReference reference, Penalty penalty, Evaluation measured) {
    double[] theta = reference.theta();
    Evaluation e = measured != null ? measured : cost.evaluate(theta, 0);
    double objective = e.cost() + penalty.value(theta);
    double[] gradient = penalty.smoothGradient(theta, e.gradient());
    double norm = 0;
    for (double g : gradient) {
      norm += g * g;
    }
    IterationRecord row = new IterationRecord("normal", 0, e.cost(), objective, 0,
        Math.sqrt(norm), theta.clone(), e.rows(), 1,
        objective - reference.optimalObjective(), 0);
    return new DescentResult("normal", "normal equations (exact)", theta, List.of(row),
        StopReason.CONVERGED, 0, e.cost(), objective);
  }

  private static double gradientCheck(LeastSquaresLoss cost, double[] theta,
      String where, DescentOptions config) {
    double difference = GradientCheck.maxRelativeDifference(cost, theta, 0);
    LOG.info("Gradient check at the {}: largest relative difference between the analytic and "
        + "the central-difference gradient {}", where, difference);
    if (!(difference <= config.gradientCheckTolerance())) {
      throw new IllegalStateException("gradient check failed at the " + where + ": relative "
          + "difference " + difference + " exceeds " + config.gradientCheckTolerance());
    }
    return difference;
  }

  private static List<String> warnings(TrainingData data, String label,
      List<String> features) {
    List<String> warnings = new ArrayList<>();
    if (data.skipped().count() > 0) {
      warnings.add(data.skipped().count() + " bad input rows skipped, e.g. "
          + String.join("; ", data.skipped().examples()));
    }
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
   * The cost and coefficient plots, into the staging folder: one cost line per run. A plot that
   * cannot be drawn (no fonts on a bare server, say) is a warning: the history and the model are
   * what matter.
   */
  private static List<String> plots(OutputCommitter committer, FitConfig config, FitResult fit,
      long rows) throws IOException {
    List<Charts.Run> runs = new ArrayList<>();
    for (DescentResult r : fit.runs()) {
      runs.add(Charts.run(r.run(), config.features(), config.mode().name().toLowerCase(), rows,
          r.settings(), r.stopReason().label(), r.updates(), r.history()));
    }
    try {
      return PlotWriter.write(committer.fileSystem(), committer.staging(),
          Charts.formula(config.label(), config.features()), runs, false, PlotWriter.WIDTH,
          PlotWriter.HEIGHT);
    } catch (RuntimeException | LinkageError | AWTError e) {
      LOG.warn("The plots could not be drawn ({}); the history and the model are written",
          e.toString());
      LOG.debug("Plotting failed", e);
      return List.of();
    }
  }

  /** Writes everything into the staging folder and commits it; returns what was written. */
  private static List<String> write(SparkSession spark, OutputCommitter committer,
      FitConfig config, FitResult fit, RegressionMetrics test, TrainingData data) {
    Path staging = committer.staging();
    try {
      List<String> files = new ArrayList<>();
      List<IterationRecord> history = new ArrayList<>();
      fit.runs().forEach(r -> history.addAll(r.history()));
      HistoryWriter.write(spark, history, config.mode() == Mode.BATCH ? "full" : "batch",
          new Path(staging, "history").toString());
      files.add("history");
      ObjectNode json = ModelWriter.toJson(config, fit, test, data.rows(),
          data.blocks().getNumPartitions(), data.skipped(), spark.version());
      // The master the fit really ran on (config.master is null when spark-submit chose it).
      json.put("spark_master", spark.sparkContext().master());
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
