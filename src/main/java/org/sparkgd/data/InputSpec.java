package org.sparkgd.data;

import java.io.Serializable;
import java.util.List;

/**
 * What to read: the path, its format, and the columns to fit.
 *
 * @param delimiter the CSV field separator
 * @param minPartitions at least this many partitions (0: as the input's splits fall)
 * @param onBadRows stop at the first bad row, or skip and count bad rows
 */
public record InputSpec(String path, InputFormat format, char delimiter, List<String> features,
    String label, int minPartitions, BadRowPolicy onBadRows) implements Serializable {

  public InputSpec {
    features = List.copyOf(features);
  }
}
