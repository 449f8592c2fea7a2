package org.sparkgd.ml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;
import org.sparkgd.data.DesignScan;
import org.sparkgd.data.TrainingData;
import org.sparkgd.engine.CallerName;
import org.sparkgd.job.Fitter;
import org.sparkgd.model.FitResult;
import org.sparkgd.output.OutputCommitter;

/**
 * Linear regression by batch or mini-batch gradient descent, as a Spark ML {@code Estimator}:
 * put it in a {@code Pipeline} after a {@code VectorAssembler}. Every fitting option of
 * {@code sparkgd fit} is a Param with the same default; {@code weightCol} and
 * {@code fitIntercept} are {@code --weight} and {@code --no-intercept}; with {@code formula} set
 * it reads the DataFrame's columns the formula names, expanded as {@code --formula} expands
 * them. {@link #fit} standardizes the rows, caches them as packed blocks and runs the very code the command line runs
 * ({@link Fitter}), so both give the same coefficients on the same rows.
 */
public final class GradientDescentRegressor extends RowParams
    implements DefaultParamsWritable {
  private static final long serialVersionUID = 1L;

  private final String uid;

  public GradientDescentRegressor() {
    this(Identifiable.randomUID("gdReg"));
  }

  public GradientDescentRegressor(String uid) {
    this(PendingUid.set(uid), uid);
  }

  private GradientDescentRegressor(Void pending, String uid) {
    this.uid = uid;
    PendingUid.clear();
  }

  @Override
  public String uid() {
    return PendingUid.or(uid);
  }

  @Override
  public GradientDescentRegressionModel train(Dataset<?> dataset) {
    String weightCol = getWeightCol();
    TrainingRows rows = getFormula() != null
        ? TrainingRows.ofFormula(dataset, getFormula(), weightCol, getFitIntercept())
        : TrainingRows.ofVectors(dataset, getFeaturesCol(), getLabelCol(), weightCol,
            getFitIntercept());
    try (TrainingData data = TrainingData.fromRaw(rows.reader().get(), rows.features(),
        rows.label(), rows.source(), null, rows.intercept(), 0)) {
      if (weightCol != null) {
        data.weightedBy(weightCol, rows.source());
      }
      FitResult fit;
      try (CallerName caller = CallerName.of(dataset.sparkSession().sparkContext(),
          getClass().getSimpleName() + " " + uid())) {
        fit = new Fitter(descentOptions())
            .withOriginalRows(rows.reader())
            .fit(data, rows.label(), rows.features());
      }
      return new GradientDescentRegressionModel(uid, fit.model(), fit.result().stopReason(),
          fit.result().updates(), fit.training(), fit.statistics(), fit.result().history(),
          rows.design());
    }
  }

  /** With a formula the rows are its columns: Spark's check of featuresCol and labelCol is off. */
  @Override
  public GradientDescentRegressionModel fit(Dataset<?> dataset) {
    if (getFormula() == null) {
      return super.fit(dataset);
    }
    transformSchema(dataset.schema());
    return copyValues(train(dataset).setParent(this), new ParamMap());
  }

  @Override
  public StructType transformSchema(StructType schema) {
    if (getFormula() == null) {
      return super.transformSchema(schema);
    }
    // Names an unknown column now, before a Pipeline fits anything.
    DesignScan.formula(getFormula(), getFitIntercept()).terms(List.of(schema.fieldNames()));
    return FormulaColumns.withPrediction(schema, getPredictionCol());
  }

  @Override
  public GradientDescentRegressor copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  /** Spark's Params writer, without the {@code .crc} files it leaves on the local disk. */
  @Override
  public MLWriter write() {
    return new DefaultParamsWriter(this) {
      @Override
      public void saveImpl(String path) {
        super.saveImpl(path);
        Path dir = new Path(path);
        try {
          OutputCommitter.removeChecksums(dir.getFileSystem(sc().hadoopConfiguration()), dir);
        } catch (IOException e) {
          throw new UncheckedIOException(path + ": cannot tidy the saved estimator", e);
        }
      }
    };
  }

  public static MLReader<GradientDescentRegressor> read() {
    return new DefaultParamsReader<>();
  }

  public static GradientDescentRegressor load(String path) {
    return read().load(path);
  }
}
