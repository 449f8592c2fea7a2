package org.sparkgd.ml;

import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.Param;

/**
 * What the rows mean, named as Spark's {@code LinearRegression} names it: {@code weightCol}
 * (each row's weight, as {@code --weight}; unset: every row weighs 1) and {@code fitIntercept}
 * (false: through the origin, as {@code --no-intercept}).
 */
abstract class RowParams extends OptimizerParams {
  private static final long serialVersionUID = 1L;

  private final Param<String> weightCol;
  private final BooleanParam fitIntercept;

  /** Runs while the subclass's uid is pending ({@link PendingUid}). */
  RowParams() {
    weightCol = new Param<>(this, "weightCol", "the column of each row's weight (finite, >= 0; "
        + "unset: every row weighs 1)");
    fitIntercept = new BooleanParam(this, "fitIntercept", "whether to fit an intercept "
        + "(false: the model goes through the origin)");
    setDefault(fitIntercept, true);
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

  public boolean getFitIntercept() {
    return (Boolean) getOrDefault(fitIntercept);
  }

  public GradientDescentRegressor setWeightCol(String value) {
    set(weightCol, value);
    return (GradientDescentRegressor) this;
  }

  public GradientDescentRegressor setFitIntercept(boolean value) {
    set(fitIntercept, value);
    return (GradientDescentRegressor) this;
  }
}
