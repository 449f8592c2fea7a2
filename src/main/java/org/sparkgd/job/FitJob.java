package org.sparkgd.job;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sparkgd.UserError;
import org.sparkgd.config.Choices;
import org.sparkgd.config.FitConfig;
import org.sparkgd.config.OptimizerKinds;
import org.sparkgd.data.HoldOutSplit;
import org.sparkgd.data.InputFiles;
import org.sparkgd.data.TrainingData;
import org.sparkgd.engine.CallerName;
import org.sparkgd.engine.LeastSquaresLoss;
import org.sparkgd.engine.ModelMetrics;
import org.sparkgd.model.FitResult;
import org.sparkgd.model.ModelFormula;
import org.sparkgd.model.PhaseTimes;
import org.sparkgd.model.RegressionMetrics;
import org.sparkgd.output.CheckpointStore;
import org.sparkgd.output.OutputCommitter;

/**
 * {@code sparkgd fit}: read, hold out, standardize and cache, descend ({@link Fitter}), measure
 * on the held-out rows, write ({@link FitOutputs}); or resume an interrupted fit from its
 * checkpoint and end as it would have.
 */
public final class FitJob {
  private static final Logger LOG = LoggerFactory.getLogger(FitJob.class);
  /** Whether no fit has run in this process yet: only the first waited for its start. */
  private static final AtomicBoolean FIRST = new AtomicBoolean(true);

  private FitJob() {}

  public static FitOutcome run(SparkContext spark, FitConfig config) {
    return run(spark, config, null, UnaryOperator.identity());
  }

  /**
   * As {@link #run(SparkContext, FitConfig)}, with the loss of the passes wrapped by
   * {@code wrapLoss} ({@link Fitter#wrappingLoss}): the seam a test injects faults through.
   */
  public static FitOutcome run(SparkContext spark, FitConfig config,
      UnaryOperator<LeastSquaresLoss> wrapLoss) {
    return run(spark, config, null, wrapLoss);
  }

  /**
   * Continues the fit whose output was to be {@code output} from its latest checkpoint, with
   * that fit's configuration, and ends as the uninterrupted fit would have.
   */
  public static FitOutcome resume(SparkContext spark, String output) {
    CheckpointStore.Checkpoint checkpoint =
        new CheckpointStore(spark.hadoopConfiguration(), output).latest();
    LOG.info("Resuming {} after pass {}", output, checkpoint.state().passes());
    return run(spark, checkpoint.config(), checkpoint, UnaryOperator.identity());
  }

  private static FitOutcome run(SparkContext spark, FitConfig config,
      CheckpointStore.Checkpoint resumeFrom, UnaryOperator<LeastSquaresLoss> wrapLoss) {
    long start = System.nanoTime();
    PhaseTimes phases = phaseTimes(spark);
    Configuration hadoopConf = spark.hadoopConfiguration();
    String input = config.input().path();
    String output = config.output().path();
    if (config.input().formula() == null
        && config.descent().solver() == OptimizerKinds.Solver.NORMAL) {
      ExactAnswer.checkWidth(config.features().size()); // before any data is read
    }
    OutputCommitter committer = new OutputCommitter(hadoopConf, output,
        config.output().overwrite());
    committer.checkTarget();
    InputFiles files = InputFiles.list(hadoopConf, input);
    List<String> fingerprint = files.fingerprint();
    if (resumeFrom != null && !resumeFrom.inputFingerprint().equals(fingerprint)) {
      throw new UserError(input + ": the input changed since the checkpoint was saved (was "
          + resumeFrom.inputFingerprint() + ", now " + fingerprint + "); start a new fit "
          + "instead of --resume");
    }
    CheckpointStore checkpoints = new CheckpointStore(hadoopConf, output);
    LOG.info("Fitting {} from {} ({} mode)", config.input().formula() != null
        ? config.input().formula() : ModelFormula.brief(config.label(), config.features()),
        input, Choices.word(config.mode()));
    LOG.debug("Features: {}", config.features());
    LOG.debug("Configuration: {}", config);
    HoldOutSplit split = config.testFraction() > 0
        ? new HoldOutSplit(config.testFraction(), config.descent().seed()) : null;
    try (CallerName caller = CallerName.of(spark, "sparkgd fit");
        JobGroup group = JobGroup.open(spark, "reading and caching " + input);
        TrainingData data = TrainingData.load(spark, config.input(), files, split,
            size -> CacheBudget.check(spark, input, size))) {
      phases.mark(PhaseTimes.READ_CACHE);
      List<String> warnings = new ArrayList<>();
      if (split != null) {
        LOG.info("{} rows held out for testing (--test-fraction {}, --seed {})",
            data.testRows(), split.fraction(), split.seed());
        if (data.testRows() == 0) {
          warnings.add("--test-fraction " + split.fraction() + " held out no rows: there "
              + "are no test metrics");
        }
      }
      FitResult fit = new Fitter(config.descent())
          .resumingFrom(resumeFrom == null ? null : resumeFrom.state())
          .checkpointing(config.checkpointEvery(),
              state -> checkpoints.save(config, fingerprint, state))
          .withWarnings(warnings)
          .timing(phases)
          .withOriginalRows(() -> TrainingData.reread(spark, config.input(), files, split,
              data.design()))
          .wrappingLoss(wrapLoss)
          .fit(data, data.design() != null ? data.design().label() : config.label(),
              data.design() != null ? data.design().columnNames() : config.features());
      RegressionMetrics test = null;
      if (data.testRows() > 0) {
        group.describe("test metrics");
        test = ModelMetrics.onOriginal(data.testBlocks(), fit.model(), data.intercept());
        LOG.info("Test metrics ({} rows, original scale): {}", test.rows(),
            Fitter.describe(test));
        phases.mark(PhaseTimes.METRICS);
      }
      group.describe("writing " + output);
      List<String> written = FitOutputs.write(spark, committer, config, fit, test, data,
          phases);
      checkpoints.delete();
      LOG.info("Phase times (seconds): {}", phases.seconds());
      return new FitOutcome(config, fit, data.rows(), test, written,
          (System.nanoTime() - start) / 1e9);
    }
  }

  /** A clock from now; the first fit of a process also counts the JVM's and Spark's start. */
  private static PhaseTimes phaseTimes(SparkContext spark) {
    if (!FIRST.getAndSet(false)) {
      return PhaseTimes.startingNow();
    }
    return PhaseTimes.afterStart(ManagementFactory.getRuntimeMXBean().getStartTime(),
        spark.startTime(), System.currentTimeMillis());
  }
}
