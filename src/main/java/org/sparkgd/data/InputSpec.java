package org.sparkgd.data;

import java.io.Serializable;
import java.util.List;

/**
 * What to read: the source and the columns to fit.
 *
 * @param minPartitions at least this many partitions (0: as the input's splits fall)
 * @param onBadRows stop at the first bad row, or skip and count bad rows
 */
public record InputSpec(InputSource source, String label, List<String> features,
    int minPartitions, BadRowPolicy onBadRows) implements Serializable {

  public InputSpec {
    features = List.copyOf(features);
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
