package org.sparkgd;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sparkgd.config.FitConfig;
import org.sparkgd.config.Mode;
import org.sparkgd.config.OptimizerKinds;
import org.sparkgd.config.RunPlan;
import org.sparkgd.data.ColumnSelection;
import org.sparkgd.data.InputFiles;
import org.sparkgd.data.Standardization;
import org.sparkgd.data.TrainingData;
import org.sparkgd.model.LinearModel;
import org.sparkgd.optim.ConvergenceChecker;
import org.sparkgd.optim.DescentResult;
import org.sparkgd.optim.DescentSettings;
import org.sparkgd.optim.DescentState;
import org.sparkgd.optim.DistributedLeastSquares;
import org.sparkgd.optim.Evaluation;
import org.sparkgd.optim.ExactReference;
import org.sparkgd.optim.GradientCheck;
import org.sparkgd.optim.GradientDescent;
import org.sparkgd.optim.IterationRecord;
import org.sparkgd.optim.Penalty;
import org.sparkgd.optim.RunSettings;
import org.sparkgd.optim.StopReason;
import org.sparkgd.output.CheckpointStore;
import org.sparkgd.output.HistoryWriter;
import org.sparkgd.output.ModelWriter;
import org.sparkgd.output.OutputCommitter;

/** One fit, from input to committed outputs: read, standardize and cache, descend, write. */
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
    try (TrainingData data = TrainingData.load(spark, config.inputSpec(), files)) {
      List<String> warnings = warnings(data, config);
      warnings.forEach(LOG::warn);
      LOG.info("{} rows cached in {} partitions", data.rows(),
          data.blocks().getNumPartitions());
      DistributedLeastSquares cost = new DistributedLeastSquares(data, config.treeDepth(),
          config.samplingFraction(), config.seed(), config.maxIterations());
      Penalty penalty = RunPlan.penalty(config);
      ExactReference reference = RunPlan.wantsReference(config)
          ? ExactReference.of(cost.gram(), penalty) : null;
      Evaluation atOptimum = null;
      if (reference != null && reference.hasOptimum() && config.mode() == Mode.BATCH) {
        atOptimum = cost.evaluate(reference.theta(), 0);
        reference = reference.withMeasuredObjective(
            atOptimum.cost() + penalty.value(reference.theta()));
      }
      if (reference != null) {
        LOG.info("Exact reference: optimal objective {}, largest curvature L = {} (safe step "
            + "1/L = {})", reference.optimalObjective(), reference.lipschitz(),
            reference.safeStep());
      }
      List<RunSettings> runs = RunPlan.runs(config, reference);
      runs.forEach(r -> LOG.info("Run {}", r));
      double[] start0 = new double[config.features().size() + 1];
      List<Double> checks = new ArrayList<>();
      if (config.gradientCheck()) {
        checks.add(gradientCheck(cost, start0, "start", config));
      }
      List<DescentResult> results = config.solver() == OptimizerKinds.Solver.NORMAL
          ? List.of(normalEquations(cost, reference, penalty, atOptimum))
          : new GradientDescent(settings(config, reference), config.checkpointEvery()).run(
              cost, runs, start0, resumeFrom == null ? null : resumeFrom.state(),
              new ProgressLog(config.maxIterations(), PROGRESS_SECONDS),
              state -> checkpoints.save(config, fingerprint, state));
      DescentResult best = best(results);
      if (config.gradientCheck()) {
        checks.add(gradientCheck(cost, best.theta(), "end", config));
      }
      LinearModel model = new LinearModel(config.label(), config.features(),
          data.standardization(), best.theta());
      FitOutcome outcome = new FitOutcome(config, model, best, results, reference, data.rows(),
          warnings, (System.nanoTime() - start) / 1e9);
      write(spark, committer, outcome, data, checks);
      checkpoints.delete();
      return outcome;
    }
  }

  static DescentSettings settings(FitConfig config, ExactReference reference) {
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
  private static DescentResult normalEquations(DistributedLeastSquares cost,
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

  private static double gradientCheck(DistributedLeastSquares cost, double[] theta,
      String where, FitConfig config) {
    double difference = GradientCheck.maxRelativeDifference(cost, theta, 0);
    LOG.info("Gradient check at the {}: largest relative difference between the analytic and "
        + "the central-difference gradient {}", where, difference);
    if (!(difference <= config.gradientCheckTolerance())) {
      throw new IllegalStateException("gradient check failed at the " + where + ": relative "
          + "difference " + difference + " exceeds " + config.gradientCheckTolerance());
    }
    return difference;
  }

  private static List<String> warnings(TrainingData data, FitConfig config) {
    List<String> warnings = new ArrayList<>();
    if (data.skipped().count() > 0) {
      warnings.add(data.skipped().count() + " bad input rows skipped, e.g. "
          + String.join("; ", data.skipped().examples()));
    }
    Standardization s = data.standardization();
    for (int j : s.constantFeatures()) {
      warnings.add("feature '" + config.features().get(j) + "' has the same value ("
          + s.featureMeans()[j] + ") in every row: its coefficient is fixed at 0");
    }
    if (s.constantLabel()) {
      warnings.add("label '" + config.label() + "' has the same value (" + s.labelMean()
          + ") in every row: the model is that constant");
    }
    if (data.rows() <= config.features().size()) {
      warnings.add(data.rows() + " rows for " + config.features().size() + " features: the "
          + "least-squares solution is not unique; gradient descent from 0 finds the one of "
          + "smallest norm");
    }
    return warnings;
  }

  private static void write(SparkSession spark, OutputCommitter committer, FitOutcome outcome,
      TrainingData data, List<Double> gradientChecks) {
    FitConfig config = outcome.config();
    Path staging = committer.staging();
    try {
      List<IterationRecord> history = new ArrayList<>();
      outcome.runs().forEach(r -> history.addAll(r.history()));
      HistoryWriter.write(spark, history, config.mode() == Mode.BATCH ? "full" : "batch",
          new Path(staging, "history").toString());
      ObjectNode json = ModelWriter.toJson(outcome, data.blocks().getNumPartitions(),
          data.skipped(), gradientChecks, spark.version());
      ModelWriter.write(committer.fileSystem(), new Path(staging, "model.json"), json);
      committer.commit();
      LOG.info("Wrote {}", config.output());
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
