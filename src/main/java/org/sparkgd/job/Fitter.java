package org.sparkgd.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaRDD;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sparkgd.config.DescentOptions;
import org.sparkgd.config.Mode;
import org.sparkgd.config.OptimizerKinds;
import org.sparkgd.data.DataBlock;
import org.sparkgd.data.TrainingData;
import org.sparkgd.stats.ExactReference;
import org.sparkgd.engine.FaultInjection;
import org.sparkgd.engine.LeastSquaresLoss;
import org.sparkgd.engine.MiniBatchSampler;
import org.sparkgd.engine.ModelMetrics;
import org.sparkgd.model.FitResult;
import org.sparkgd.model.FitStatistics;
import org.sparkgd.model.LinearModel;
import org.sparkgd.model.PhaseTimes;
import org.sparkgd.model.RegressionMetrics;
import org.sparkgd.optim.BestRun;
import org.sparkgd.optim.Checkpoints;
import org.sparkgd.optim.DescentResult;
import org.sparkgd.optim.DescentSettings;
import org.sparkgd.optim.DescentState;
import org.sparkgd.optim.Evaluation;
import org.sparkgd.optim.ExactPoint;
import org.sparkgd.optim.GradientCheck;
import org.sparkgd.optim.GradientDescent;
import org.sparkgd.optim.RunSettings;

/**
 * The descent on prepared rows, then the training metrics: the one fitting path of the command
 * line ({@link FitJob}) and of the Spark ML estimator. Configure with the {@code with…}
 * methods, then {@link #fit}.
 */
public final class Fitter {
  private static final Logger LOG = LoggerFactory.getLogger(Fitter.class);
  private static final double PROGRESS_SECONDS = 5;

  private final DescentOptions options;
  private DescentState resumeFrom;
  private long checkpointEvery;
  private Checkpoints checkpoints = Checkpoints.NONE;
  private List<String> earlierWarnings = List.of();
  private Supplier<JavaRDD<DataBlock>> originalRows;
  private PhaseTimes phases = PhaseTimes.startingNow();

  public Fitter(DescentOptions options) {
    this.options = options;
  }

  /** Continues from a checkpoint's state instead of starting from θ = 0. */
  public Fitter resumingFrom(DescentState state) {
    this.resumeFrom = state;
    return this;
  }

  /** Hands the state to {@code checkpoints} every {@code every} passes (0: never). */
  public Fitter checkpointing(long every, Checkpoints checkpoints) {
    this.checkpointEvery = every;
    this.checkpoints = checkpoints;
    return this;
  }

  /** Warnings found before the fit; they come first. */
  public Fitter withWarnings(List<String> warnings) {
    this.earlierWarnings = List.copyOf(warnings);
    return this;
  }

  /**
   * How to read the training rows again as read (original scale), for the refinement passes
   * an ill-conditioned design needs; without it such a fit warns instead.
   */
  public Fitter withOriginalRows(Supplier<JavaRDD<DataBlock>> rows) {
    this.originalRows = rows;
    return this;
  }

  /** Marks the reference, descent and metrics phases on {@code phases}. */
  public Fitter timing(PhaseTimes phases) {
    this.phases = phases;
    return this;
  }

  public FitResult fit(TrainingData data, String label, List<String> features) {
    try (JobGroup group = JobGroup.open(data.blocks().context(), "sparkgd fit: descent")) {
      List<String> warnings = new ArrayList<>(earlierWarnings);
      warnings.addAll(DataWarnings.of(data, label, features));
      warnings.forEach(LOG::warn);
      LOG.info("{} rows cached in {} partitions", data.rows(),
          data.blocks().getNumPartitions());
      Double fraction = options.samplingFraction();
      if (fraction != null) {
        int run = MiniBatchSampler.runLength(fraction, data.rows());
        LOG.info("Mini-batches of about {} rows, drawn {}", Math.round(fraction * data.rows()),
            run == 1 ? "row by row" : "in aligned runs of " + run + " consecutive rows");
      }
      LeastSquaresLoss loss = FaultInjection.wireInto(new LeastSquaresLoss(data,
          options.treeDepth(), options.samplingFraction(), options.seed(),
          options.maxIterations()), data.blocks().context().getConf());
      if (!data.intercept()) {
        loss.withoutIntercept();
      }
      DescentPlan plan = DescentPlan.of(options, data.rows(), features.size(),
          ReferenceChoice.memory(data.blocks().context().getConf()));
      LOG.info("Exact reference: {}", plan.referenceChoice().reason());
      boolean exact = options.solver() == OptimizerKinds.Solver.NORMAL;
      if (exact) {
        ExactAnswer.checkWidth(features.size());
      }
      // --solver normal is the exact answer itself, whatever --reference says for the descent.
      ExactAnswer answer = plan.wantsReference() || exact ? ExactAnswer.compute(loss,
          plan.penalty(), data.standardization(), originalRows) : null;
      ExactReference reference = answer != null ? answer.reference() : null;
      if (answer != null) {
        answer.warnings().forEach(LOG::warn);
        warnings.addAll(answer.warnings());
      }
      Evaluation atOptimum = null;
      if (reference != null && reference.hasOptimum() && options.mode() == Mode.BATCH) {
        atOptimum = loss.evaluate(reference.theta(), 0);
        reference = reference.withMeasuredObjective(
            atOptimum.cost() + plan.penalty().value(reference.theta()));
      }
      if (reference != null) {
        LOG.info("Exact reference: optimal objective {}, largest curvature L = {} (safe step "
            + "1/L = {})", reference.optimalObjective(), reference.lipschitz(),
            reference.safeStep());
      }
      List<RunSettings> runs = exact ? List.of()
          : plan.runs(reference, CurvaturePasses.of(data, options, plan.penalty()));
      phases.mark(PhaseTimes.REFERENCE);
      runs.forEach(r -> LOG.info("Run {}", r));
      List<Double> checks = new ArrayList<>();
      double[] start = new double[features.size() + 1];
      if (options.gradientCheck()) {
        checks.add(gradientCheck(loss, start, "start"));
      }
      DescentSettings common = plan.settings(reference, data.standardization());
      List<DescentResult> results;
      if (exact) {
        double[] theta = reference.theta();
        results = List.of(ExactPoint.result(theta,
            atOptimum != null ? atOptimum : loss.evaluate(theta, 0), plan.penalty(), common));
      } else {
        results = new GradientDescent(common, checkpointEvery).run(loss, runs, start,
            resumeFrom, new ProgressLog(options.maxIterations(), PROGRESS_SECONDS), checkpoints);
      }
      phases.mark(PhaseTimes.DESCENT);
      DescentResult best = BestRun.of(results);
      LOG.info("Descent stopped: {} after {} iterations, cost {}", best.stopReason().label(),
          best.updates(), best.finalCost());
      if (options.gradientCheck()) {
        checks.add(gradientCheck(loss, best.theta(), "end"));
      }
      LinearModel model = new LinearModel(label, features, data.standardization(),
          best.theta());
      group.describe("sparkgd fit: training metrics");
      RegressionMetrics training = ModelMetrics.onStandardized(data.blocks(), model,
          data.intercept());
      int before = warnings.size();
      LOG.info("Training metrics ({} rows, original scale): {}", training.rows(),
          describe(training));
      FitStatistics statistics = InferenceReport.of(answer, model, best, training, options,
          plan.penalty(), warnings);
      ConvergenceWarning.of(best, options, common.convergence(), reference, statistics)
          .ifPresent(warnings::add);
      warnings.subList(before, warnings.size()).forEach(LOG::warn);
      phases.mark(PhaseTimes.METRICS);
      return new FitResult(model, best, results, reference, warnings, training, checks,
          statistics, plan.referenceChoice().reason());
    }
  }

  static String describe(RegressionMetrics m) {
    return String.format(Locale.ROOT, "RMSE %.6g, MAE %.6g, R² %.6g", m.rmse(), m.mae(),
        m.r2());
  }

  private double gradientCheck(LeastSquaresLoss loss, double[] theta, String where) {
    double difference = GradientCheck.maxRelativeDifference(loss, theta, 0);
    LOG.info("Gradient check at the {}: largest relative difference between the analytic and "
        + "the central-difference gradient {}", where, difference);
    if (!(difference <= options.gradientCheckTolerance())) {
      throw new IllegalStateException("gradient check failed at the " + where + ": relative "
          + "difference " + difference + " exceeds " + options.gradientCheckTolerance());
    }
    return difference;
  }
}
