package org.sparkgd.job;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.spark.api.java.JavaRDD;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sparkgd.config.DescentOptions;
import org.sparkgd.config.OptimizerKinds;
import org.sparkgd.data.DataBlock;
import org.sparkgd.data.TrainingData;
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
import org.sparkgd.optim.GradientDescent;
import org.sparkgd.optim.RunSettings;
import org.sparkgd.stats.ExactReference;

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
  private UnaryOperator<LeastSquaresLoss> wrapLoss = UnaryOperator.identity();

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
   * of {@code --solver normal} and of an ill-conditioned design; without it they are not
   * refined, and an ill-conditioned design warns instead.
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

  /**
   * Wraps the loss that the reference and descent passes evaluate: the seam through which a
   * test injects task failures (the command and the estimator leave it as it is).
   */
  public Fitter wrappingLoss(UnaryOperator<LeastSquaresLoss> wrap) {
    this.wrapLoss = wrap;
    return this;
  }

  /** Fits {@code label} on {@code features}, the columns of {@code data}'s cached blocks. */
  public FitResult fit(TrainingData data, String label, List<String> features) {
    try (JobGroup group = JobGroup.open(data.blocks().context(), "descent")) {
      FitWarnings warnings = announce(data, label, features);
      LeastSquaresLoss loss = wrapLoss.apply(loss(data));
      DescentPlan plan = DescentPlan.of(options, data.rows(), features.size(),
          ReferenceChoice.memory(data.blocks().context().getConf()));
      MeasuredOptimum optimum = optimum(loss, plan, data, warnings);
      List<RunSettings> runs = runs(plan, optimum, data);
      phases.mark(PhaseTimes.REFERENCE);
      GradientChecks checks = new GradientChecks(options);
      double[] start = new double[features.size() + 1];
      checks.at(loss, start, "start");
      DescentSettings common = plan.settings(optimum.reference(), data.standardization());
      List<DescentResult> results = descend(loss, plan, optimum, runs, common, start);
      phases.mark(PhaseTimes.DESCENT);
      DescentResult best = best(results);
      checks.at(loss, best.theta(), "end");
      LinearModel model = new LinearModel(label, features, data.standardization(),
          best.theta());
      group.describe("training metrics");
      RegressionMetrics training = trainingMetrics(data, model);
      FitStatistics statistics = statistics(optimum, model, best, training, plan, common,
          warnings);
      phases.mark(PhaseTimes.METRICS);
      return new FitResult(model, best, results, optimum.reference(), warnings.list(),
          training, checks.differences(), statistics, plan.referenceChoice().reason());
    }
  }

  /** The warnings about the rows (after the caller's), and how the passes will read them. */
  private FitWarnings announce(TrainingData data, String label, List<String> features) {
    FitWarnings warnings = new FitWarnings();
    warnings.addAll(earlierWarnings);
    warnings.addAll(DataWarnings.of(data, label, features));
    LOG.info("{} rows cached in {} partitions", data.rows(), data.blocks().getNumPartitions());
    Double fraction = options.samplingFraction();
    if (fraction != null) {
      int run = MiniBatchSampler.runLength(fraction, data.rows());
      LOG.info("Mini-batches of about {} rows, drawn {}", Math.round(fraction * data.rows()),
          run == 1 ? "row by row" : "in aligned runs of " + run + " consecutive rows");
    }
    return warnings;
  }

  private LeastSquaresLoss loss(TrainingData data) {
    LeastSquaresLoss loss = new LeastSquaresLoss(data, options.treeDepth(),
        options.samplingFraction(), options.seed(), options.maxIterations());
    return data.intercept() ? loss : loss.withoutIntercept();
  }

  /**
   * The exact optimum when the plan wants it, and always for {@code --solver normal}, which
   * is that answer whatever {@code --reference} says for a descent.
   */
  private MeasuredOptimum optimum(LeastSquaresLoss loss, DescentPlan plan, TrainingData data,
      FitWarnings warnings) {
    LOG.info("Exact reference: {}", plan.referenceChoice().reason());
    if (exact()) {
      ExactAnswer.checkWidth(data.numFeatures());
    }
    if (!plan.wantsReference() && !exact()) {
      return MeasuredOptimum.NONE;
    }
    MeasuredOptimum optimum = MeasuredOptimum.of(loss, plan, data.standardization(),
        originalRows, exact());
    warnings.addAll(optimum.warnings());
    ExactReference reference = optimum.reference();
    LOG.info("Exact reference: optimal objective {}, curvature L = {} largest, μ = {} smallest "
        + "(safe step 1/L = {}, fastest 2/(L+μ) = {})", reference.optimalObjective(),
        reference.lipschitz(), reference.smallestCurvature(), reference.safeStep(),
        reference.fastestStep());
    return optimum;
  }

  /** The descent's runs (none for the exact solver); an auto step may take curvature passes. */
  private List<RunSettings> runs(DescentPlan plan, MeasuredOptimum optimum, TrainingData data) {
    List<RunSettings> runs = exact() ? List.of()
        : plan.runs(optimum.reference(), CurvaturePasses.of(data, options, plan.penalty()));
    runs.forEach(r -> LOG.info("Run {}", r));
    return runs;
  }

  /** Every run's result: the descent from {@code start} (or the checkpoint), or the exact point. */
  private List<DescentResult> descend(LeastSquaresLoss loss, DescentPlan plan,
      MeasuredOptimum optimum, List<RunSettings> runs, DescentSettings common, double[] start) {
    if (exact()) {
      double[] theta = optimum.reference().theta();
      Evaluation at = optimum.atOptimum() != null ? optimum.atOptimum()
          : loss.evaluate(theta, 0);
      return List.of(ExactPoint.result(theta, at, plan.penalty(), common));
    }
    return new GradientDescent(common, checkpointEvery).run(loss, runs, start, resumeFrom,
        new ProgressLog(options.maxIterations(), PROGRESS_SECONDS), checkpoints);
  }

  private static DescentResult best(List<DescentResult> results) {
    DescentResult best = BestRun.of(results);
    LOG.info("Descent stopped: {} after {} iterations, cost {}", best.stopReason().label(),
        best.updates(), best.finalCost());
    return best;
  }

  private static RegressionMetrics trainingMetrics(TrainingData data, LinearModel model) {
    RegressionMetrics training = ModelMetrics.onStandardized(data.blocks(), model,
        data.intercept());
    LOG.info("Training metrics ({} rows, original scale): {}", training.rows(),
        describe(training));
    return training;
  }

  /** The full-data cost, the inference and the warnings that follow from them. */
  private FitStatistics statistics(MeasuredOptimum optimum, LinearModel model,
      DescentResult best, RegressionMetrics training, DescentPlan plan, DescentSettings common,
      FitWarnings warnings) {
    FitStatistics statistics = InferenceReport.of(optimum.answer(), model, best, training, plan,
        warnings);
    ConvergenceWarning.of(best, options, common.convergence(), optimum.reference(), statistics)
        .ifPresent(warnings::add);
    return statistics;
  }

  private boolean exact() {
    return options.solver() == OptimizerKinds.Solver.NORMAL;
  }

  static String describe(RegressionMetrics m) {
    return String.format(Locale.ROOT, "RMSE %.6g, MAE %.6g, R² %.6g", m.rmse(), m.mae(),
        m.r2());
  }
}
