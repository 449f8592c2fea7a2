package org.sparkgd;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sparkgd.config.FitConfig;
import org.sparkgd.config.Mode;
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
import org.sparkgd.optim.GradientDescent;
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
   *
   */
  public static FitOutcome resume(SparkSession spark, String output) {
    CheckpointStore.Checkpoint checkpoint =
        new CheckpointStore(spark.sparkContext().hadoopConfiguration(), output).latest();
    LOG.info("Resuming {} at iteration {}", output, checkpoint.state().iteration());
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
      DescentState initial = resumeFrom != null ? resumeFrom.state()
          : DescentState.start(new double[config.features().size() + 1]);
      DescentResult result = new GradientDescent(settings(config), config.checkpointEvery()).run(
          new DistributedLeastSquares(data, config.treeDepth(), config.samplingFraction(),
              config.seed(), config.maxIterations()),
          initial, new ProgressLog(config.maxIterations(), PROGRESS_SECONDS),
          state -> checkpoints.save(config, fingerprint, state));
      LinearModel model = new LinearModel(config.label(), config.features(),
          data.standardization(), result.theta());
      write(spark, committer, config, model, result, data, warnings);
      checkpoints.delete();
      return new FitOutcome(config, model, result, data.rows(), warnings,
          (System.nanoTime() - start) / 1e9);
    }
  }

  static DescentSettings settings(FitConfig config) {
    ConvergenceChecker convergence = config.mode() == Mode.BATCH
        ? ConvergenceChecker.relativeCostChange(config.tolerance())
        : ConvergenceChecker.relativeParameterChange(config.tolerance());
    return new DescentSettings(config.learningRate(), config.maxIterations(), convergence,
        config.divergenceFactor());
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

  private static void write(SparkSession spark, OutputCommitter committer, FitConfig config,
      LinearModel model, DescentResult result, TrainingData data, List<String> warnings) {
    Path staging = committer.staging();
    try {
      HistoryWriter.write(spark, result.history(),
          config.mode() == Mode.BATCH ? "full" : "batch", new Path(staging, "history").toString());
      ObjectNode json = ModelWriter.toJson(model, result, data.rows(),
          data.blocks().getNumPartitions(), config, warnings,
          spark.version());
      ObjectNode skipped = json.putObject("skipped_rows");
      skipped.put("count", data.skipped().count());
      skipped.putArray("examples").addAll(data.skipped().examples().stream()
          .map(skipped::textNode).toList());
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
