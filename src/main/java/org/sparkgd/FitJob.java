package org.sparkgd;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sparkgd.config.FitConfig;
import org.sparkgd.config.Mode;
import org.sparkgd.data.ColumnSelection;
import org.sparkgd.data.Standardization;
import org.sparkgd.data.TrainingData;
import org.sparkgd.model.LinearModel;
import org.sparkgd.optim.ConvergenceChecker;
import org.sparkgd.optim.DescentResult;
import org.sparkgd.optim.DescentSettings;
import org.sparkgd.optim.DistributedLeastSquares;
import org.sparkgd.optim.GradientDescent;
import org.sparkgd.output.HistoryWriter;
import org.sparkgd.output.ModelWriter;
import org.sparkgd.output.OutputCommitter;

/** One fit, from input to committed outputs: read, standardize and cache, descend, write. */
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
    try (TrainingData data = TrainingData.load(spark, config.inputSpec())) {
      List<String> warnings = warnings(data, config);
      warnings.forEach(LOG::warn);
      LOG.info("{} rows cached in {} partitions", data.rows(),
          data.blocks().getNumPartitions());
      DescentResult result = new GradientDescent(settings(config)).run(
          new DistributedLeastSquares(data, config.treeDepth(), config.samplingFraction(),
              config.seed(), config.maxIterations()),
          new double[config.features().size() + 1],
          new ProgressLog(config.maxIterations(), PROGRESS_SECONDS));
      LinearModel model = new LinearModel(config.label(), config.features(),
          data.standardization(), result.theta());
      write(spark, committer, config, model, result, data, warnings);
      return new FitOutcome(model, result, data.rows(), warnings, config.output(),
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
