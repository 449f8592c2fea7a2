package org.sparkgd.ml;

import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.Param;

/**
 * What the rows mean, named as Spark's {@code LinearRegression} names it: {@code weightCol}
 * (each row's weight, as {@code --weight}; unset: every row weighs 1) and {@code fitIntercept}
 * (false: through the origin, as {@code --no-intercept}); and {@code formula}, as Spark's
 * {@code RFormula} names it (R's {@code y ~ a * b + region}, as {@code --formula}: when set, the
 * rows are the DataFrame's columns it names, not {@code featuresCol} and {@code labelCol}).
 */
abstract class RowParams extends OptimizerParams {
  private static final long serialVersionUID = 1L;

  private final Param<String> weightCol;
  private final BooleanParam fitIntercept;
  private final Param<String> formula;

  /** Runs while the subclass's uid is pending ({@link PendingUid}). */
  RowParams() {
    weightCol = new Param<>(this, "weightCol", "the column of each row's weight (finite, >= 0; "
        + "unset: every row weighs 1)");
    fitIntercept = new BooleanParam(this, "fitIntercept", "whether to fit an intercept "
        + "(false: the model goes through the origin)");
    setDefault(fitIntercept, true);
    formula = new Param<>(this, "formula", "an R model formula over the DataFrame's columns, "
        + "e.g. 'y ~ a * b + region' (unset: featuresCol and labelCol)");
  }

  public Param<String> weightCol() {
    return weightCol;
  }

  public BooleanParam fitIntercept() {
    return fitIntercept;
  }

  /** The weight column, or null when unset (or empty, as Spark treats it). */
  public String getWeightCol() {
    String column = isDefined(weightCol) ? getOrDefault(weightCol) : null;
    return column == null || column.isEmpty() ? null : column;
  }

  public Param<String> formula() {
    return formula;
  }

  /** The formula, or null when unset (or empty). */
  public String getFormula() {
    String text = isDefined(formula) ? getOrDefault(formula) : null;
    return text == null || text.isBlank() ? null : text;
  }

  public boolean getFitIntercept() {
    return (Boolean) getOrDefault(fitIntercept);
  }

  public GradientDescentRegressor setWeightCol(String value) {
    set(weightCol, value);
    return (GradientDescentRegressor) this;
  }

  public GradientDescentRegressor setFormula(String value) {
    set(formula, value);
    return (GradientDescentRegressor) this;
  }

  public GradientDescentRegressor setFitIntercept(boolean value) {
    set(fitIntercept, value);
    return (GradientDescentRegressor) this;
  }
}
