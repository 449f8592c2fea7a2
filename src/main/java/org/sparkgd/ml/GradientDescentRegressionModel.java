package org.sparkgd.ml;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.regression.RegressionModel;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.sparkgd.formula.Design;
import org.sparkgd.model.FitStatistics;
import org.sparkgd.model.LinearModel;
import org.sparkgd.model.RegressionMetrics;
import org.sparkgd.optim.IterationRecord;
import org.sparkgd.optim.StopReason;
import org.sparkgd.output.ModelJson;
import org.sparkgd.output.OutputCommitter;
import org.sparkgd.stats.Inference;
import org.sparkgd.stats.SummaryTable;
import scala.Option;

/**
 * The model a {@link GradientDescentRegressor} fits: predicts on the original scale, applying
 * the training standardization exactly as {@code sparkgd predict} does. Saved as Spark ML's
 * metadata (the Params) plus {@code data/model.json} in the format of a fit's model.json, read
 * by the same {@link ModelJson}; fitted by formula, its design is saved there too (as a fit's
 * {@code formula}), and {@link #transform} expands new rows by it.
 */
public final class GradientDescentRegressionModel
    extends RegressionModel<Vector, GradientDescentRegressionModel> implements MLWritable {
  private static final long serialVersionUID = 1L;
  private static final String DATA = "data/" + ModelJson.FILE;

  private final String uid;
  private final LinearModel model;
  private final StopReason stopReason;
  private final long iterations;
  private final RegressionMetrics trainingMetrics;
  /** The inference, saved with the model; null when the fit did not compute it. */
  private final FitStatistics statistics;
  /** Empty for a loaded model: the history is not saved with it. */
  private final transient List<IterationRecord> history;
  /** The formula's design new rows are expanded by; null for a fit of {@code featuresCol}. */
  private final Design design;

  GradientDescentRegressionModel(String uid, LinearModel model, StopReason stopReason,
      long iterations, RegressionMetrics trainingMetrics, FitStatistics statistics,
      List<IterationRecord> history, Design design) {
    this(PendingUid.set(uid), uid, model, stopReason, iterations, trainingMetrics, statistics,
        history, design);
  }

  private GradientDescentRegressionModel(Void pending, String uid, LinearModel model,
      StopReason stopReason, long iterations, RegressionMetrics trainingMetrics,
      FitStatistics statistics, List<IterationRecord> history, Design design) {
    this.uid = uid;
    PendingUid.clear();
    this.model = model;
    this.stopReason = stopReason;
    this.iterations = iterations;
    this.trainingMetrics = trainingMetrics;
    this.statistics = statistics;
    this.history = List.copyOf(history);
    this.design = design;
  }

  @Override
  public String uid() {
    return PendingUid.or(uid);
  }

  @Override
  public double predict(Vector features) {
    return model.predict(features.toArray());
  }

  /**
   * Fitted by formula, the predictions of the design rows the formula's columns expand into
   * (a level the fit never saw fails, named); else Spark's, from {@code featuresCol}.
   */
  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    if (design == null) {
      return super.transform(dataset);
    }
    transformSchema(dataset.schema());
    return FormulaColumns.predict(dataset, design, model, getPredictionCol());
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return design == null ? super.transformSchema(schema)
        : FormulaColumns.withPrediction(schema, getPredictionCol());
  }

  /** The formula's design (saved with the model), or null when fitted on {@code featuresCol}. */
  public Design design() {
    return design;
  }

  @Override
  public int numFeatures() {
    return model.features().size();
  }

  /** The fitted model on both scales, with its standardization. */
  public LinearModel linearModel() {
    return model;
  }

  /** Original scale, in feature order. */
  public Vector coefficients() {
    return Vectors.dense(model.coefficients());
  }

  /** Original scale. */
  public double intercept() {
    return model.intercept();
  }

  public StopReason stopReason() {
    return stopReason;
  }

  /** Updates the descent made. */
  public long iterations() {
    return iterations;
  }

  /** RMSE, MAE and R² on the training rows, original scale. */
  public RegressionMetrics trainingMetrics() {
    return trainingMetrics;
  }

  /**
   * Per-term estimates, standard errors, t and p-values, 95% intervals, and the fit's residual
   * standard error, R² and F, on the original scale as R's {@code summary(lm)}; null when the
   * fit did not compute them ({@code reference = off}). A penalized fit has estimates only.
   */
  public Inference inference() {
    return statistics == null ? null : statistics.inference();
  }

  /**
   * The inference as R prints it, with what the numbers mean for a penalized or mini-batch fit;
   * empty when there is none.
   */
  public String summary() {
    if (inference() == null) {
      return "";
    }
    String note = statistics.note() == null ? "" : "Note: " + statistics.note() + "\n";
    return (statistics.classical() ? SummaryTable.format(inference()) : "") + note;
  }

  /** The cost history of the fit; empty once the model has been saved and loaded. */
  public List<IterationRecord> history() {
    return history == null ? List.of() : history;
  }

  @Override
  public GradientDescentRegressionModel copy(ParamMap extra) {
    GradientDescentRegressionModel copy = new GradientDescentRegressionModel(uid, model,
        stopReason, iterations, trainingMetrics, statistics, history(), design);
    return copyValues(copy, extra).setParent(parent());
  }

  @Override
  public MLWriter write() {
    return new Writer(this);
  }

  public static MLReader<GradientDescentRegressionModel> read() {
    return new Reader();
  }

  public static GradientDescentRegressionModel load(String path) {
    return read().load(path);
  }

  /** The Params as Spark ML metadata, the model as a fit's model.json. */
  private static final class Writer extends MLWriter {
    private final GradientDescentRegressionModel instance;

    Writer(GradientDescentRegressionModel instance) {
      this.instance = instance;
    }

    @Override
    public void saveImpl(String path) {
      // Through the SparkContext: the one signature every Spark line has (3.5's lacks the session).
      DefaultParamsWriter.saveMetadata(instance, path, sc(), Option.empty(), Option.empty());
      ObjectNode json = ModelJson.estimatorModel(instance.model, instance.stopReason.label(),
          instance.iterations, instance.trainingMetrics, instance.statistics, instance.design);
      Path file = new Path(path, DATA);
      try {
        FileSystem fs = OutputCommitter.withoutChecksums(
            file.getFileSystem(sc().hadoopConfiguration()));
        ModelJson.write(fs, file, json);
        OutputCommitter.removeChecksums(fs, new Path(path)); // Spark's metadata writer's
      } catch (IOException e) {
        throw new UncheckedIOException(file + ": cannot write the model", e);
      }
    }
  }

  private static final class Reader extends MLReader<GradientDescentRegressionModel> {
    @Override
    public GradientDescentRegressionModel load(String path) {
      DefaultParamsReader.Metadata metadata = DefaultParamsReader.loadMetadata(path, sc(),
          GradientDescentRegressionModel.class.getName());
      ModelJson.Saved saved = ModelJson.read(sc().hadoopConfiguration(),
          new Path(path, DATA).toString());
      GradientDescentRegressionModel model = new GradientDescentRegressionModel(metadata.uid(),
          saved.model(), StopReason.valueOf(saved.stopReason().toUpperCase()),
          saved.iterations(), saved.training(), saved.statistics(), List.of(), saved.design());
      metadata.getAndSetParams(model, metadata.getAndSetParams$default$2());
      return model;
    }
  }
}
