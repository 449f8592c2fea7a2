package org.sparkgd.job;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.sparkgd.UserError;
import org.sparkgd.formula.Design;
import org.sparkgd.model.LinearModel;

/**
 * Predicts a new row of a model fitted by formula: reads the formula's raw columns (numbers,
 * then strings), expands them into the design row exactly as the fit did, and applies the
 * model ({@code sparkgd predict}, and the Spark ML model fitted by formula). A level the model
 * never saw is the user's to fix, named with file, column and value.
 */
public final class DesignPredictor implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Design design;
  private final LinearModel model;
  private final List<String> columns;

  public DesignPredictor(Design design, LinearModel model) {
    if (!design.columnNames().equals(model.features())) {
      throw new IllegalArgumentException("the design's columns " + design.columnNames()
          + " are not the model's features " + model.features());
    }
    this.design = design;
    this.model = model;
    this.columns = columns(design);
  }

  /** The input columns a row needs: the design's numeric columns, then its string ones. */
  public static List<String> columns(Design design) {
    List<String> columns = new ArrayList<>(design.numericColumns());
    columns.addAll(design.stringColumns());
    return columns;
  }

  /**
   * @param row the values of {@link #columns(Design)}: doubles, then strings
   * @param file names the rows in an error
   */
  public double predict(Row row, String file) {
    int numbers = design.numericColumns().size();
    double[] x = new double[numbers];
    String[] strings = new String[columns.size() - numbers];
    for (int k = 0; k < columns.size(); k++) {
      if (row.isNullAt(k)) {
        throw new UserError(file + ": column '" + columns.get(k) + "' has an empty value; "
            + "every row needs all the columns of the model's formula");
      }
      if (k < numbers) {
        x[k] = row.getDouble(k);
        if (!Double.isFinite(x[k])) {
          throw new UserError(file + ": column '" + columns.get(k) + "' has the value " + x[k]
              + ", not a finite number");
        }
      } else {
        strings[k - numbers] = row.getString(k);
      }
    }
    double[] designRow = new double[design.width()];
    try {
      design.expand(x, strings, designRow);
    } catch (UserError e) {
      throw new UserError(file + ": " + e.getMessage());
    }
    return model.predict(designRow);
  }
}
