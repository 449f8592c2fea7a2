package org.sparkgd.config;

import java.io.Serializable;
import java.util.List;

/**
 * What to read: the source and the columns to fit.
 *
 * @param minPartitions at least this many partitions (0: as the input's splits fall)
 * @param onBadRows stop at the first bad row, or skip and count bad rows
 * @param formula an R formula ({@code sales ~ TV * radio}) instead of label and features, or null
 * @param noIntercept fit through the origin
 * @param weight the column of row weights (weighted least squares), or null
 */
public record InputSpec(InputSource source, String label, List<String> features,
    int minPartitions, BadRowPolicy onBadRows, String formula, boolean noIntercept,
    String weight) implements Serializable {

  public InputSpec {
    features = List.copyOf(features);
  }

  /** The simple form: label and features, with an intercept and unweighted. */
  public InputSpec(InputSource source, String label, List<String> features, int minPartitions,
      BadRowPolicy onBadRows) {
    this(source, label, features, minPartitions, onBadRows, null, false, null);
  }

  public String path() {
    return source.path();
  }

  public InputFormat format() {
    return source.format();
  }

  public char delimiter() {
    return source.delimiter();
  }
}
