package org.sparkgd.ml;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.attribute.Attribute;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sparkgd.UserError;
import org.sparkgd.data.TrainingData;
import org.sparkgd.engine.CallerName;
import org.sparkgd.job.Fitter;
import org.sparkgd.model.FitResult;
import org.sparkgd.output.OutputCommitter;

/**
 * Linear regression by batch or mini-batch gradient descent, as a Spark ML {@code Estimator}:
 * put it in a {@code Pipeline} after a {@code VectorAssembler}. Every fitting option of
 * {@code sparkgd fit} is a Param with the same default. {@link #fit} standardizes the rows,
 * caches them as packed blocks and runs the very code the command line runs
 * ({@link Fitter}), so both give the same coefficients on the same rows.
 */
public final class GradientDescentRegressor extends OptimizerParams
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
    String featuresCol = getFeaturesCol();
    AttributeGroup group = AttributeGroup.fromStructField(dataset.schema().apply(featuresCol));
    int numFeatures = group.size() >= 0 ? group.size() : firstVectorSize(dataset, featuresCol);
    List<String> names = featureNames(group, numFeatures, featuresCol);
    try (TrainingData data = TrainingData.fromRaw(
        VectorBlocks.read(dataset, featuresCol, getLabelCol(), numFeatures), names,
        getLabelCol(), "the training rows (column '" + featuresCol + "')")) {
      String labelCol = getLabelCol();
      FitResult fit;
      try (CallerName caller = CallerName.of(dataset.sparkSession().sparkContext(),
          getClass().getSimpleName() + " " + uid())) {
        fit = new Fitter(descentOptions())
            .withOriginalRows(() -> VectorBlocks.read(dataset, featuresCol, labelCol,
                numFeatures))
            .fit(data, labelCol, names);
      }
      return new GradientDescentRegressionModel(uid, fit.model(), fit.result().stopReason(),
          fit.result().updates(), fit.training(), fit.statistics(), fit.result().history());
    }
  }

  /** Without ML attributes in the schema, the size of the first row's vector. */
  private static int firstVectorSize(Dataset<?> dataset, String featuresCol) {
    List<Row> first = dataset.select(featuresCol).where(col(featuresCol).isNotNull()).limit(1)
        .collectAsList();
    if (first.isEmpty()) {
      throw new UserError("the training rows: no data rows");
    }
    return ((Vector) first.get(0).get(0)).size();
  }

  /**
   * The names a {@code VectorAssembler} gave the vector's entries (its input columns), else
   * {@code features[0]}, {@code features[1]}, ….
   */
  private static List<String> featureNames(AttributeGroup group, int numFeatures,
      String featuresCol) {
    List<String> names = new ArrayList<>();
    Attribute[] attributes = group.attributes().isDefined() ? group.attributes().get() : null;
    for (int j = 0; j < numFeatures; j++) {
      boolean named = attributes != null && attributes[j].name().isDefined();
      names.add(named ? attributes[j].name().get() : featuresCol + "[" + j + "]");
    }
    return names;
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
