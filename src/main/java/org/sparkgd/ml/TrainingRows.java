package org.sparkgd.ml;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.attribute.Attribute;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sparkgd.UserError;
import org.sparkgd.config.BadRowPolicy;
import org.sparkgd.data.DataBlock;
import org.sparkgd.data.DesignScan;
import org.sparkgd.data.ParquetBlockReader;
import org.sparkgd.formula.Design;

/**
 * What the estimator fits on: a DataFrame's rows as raw blocks (read again on demand, for the
 * refinement passes), the features' and label's names, and the formula's design when the rows
 * are read by {@code formula} rather than {@code featuresCol} and {@code labelCol}.
 *
 * @param design null without a formula
 */
record TrainingRows(Supplier<JavaRDD<DataBlock>> reader, List<String> features, String label,
    boolean intercept, String source, Design design) {

  /** The rows of {@code featuresCol} (a vector) and {@code labelCol}. */
  static TrainingRows ofVectors(Dataset<?> dataset, String featuresCol, String labelCol,
      String weightCol, boolean intercept) {
    AttributeGroup group = AttributeGroup.fromStructField(dataset.schema().apply(featuresCol));
    int numFeatures = group.size() >= 0 ? group.size() : firstVectorSize(dataset, featuresCol);
    return new TrainingRows(() -> VectorBlocks.read(dataset, featuresCol, labelCol, weightCol,
        numFeatures), featureNames(group, numFeatures, featuresCol), labelCol, intercept,
        "the training rows (column '" + featuresCol + "')", null);
  }

  /**
   * The rows of {@code formula}'s columns, each expanded into its design row: the design is
   * fixed by one scan of the DataFrame (kinds and levels, as {@code --formula} on Parquet),
   * through the origin when the formula or {@code fitIntercept = false} says so.
   */
  static TrainingRows ofFormula(Dataset<?> dataset, String formula, String weightCol,
      boolean intercept) {
    String source = "the training rows";
    Dataset<Row> frame = dataset.toDF();
    Design design = DesignScan.scan(frame, DesignScan.formula(formula, intercept), source);
    return new TrainingRows(() -> ParquetBlockReader.read(frame, design, weightCol, 0,
        BadRowPolicy.FAIL), design.columnNames(), design.label(), design.intercept(), source,
        design);
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
}
