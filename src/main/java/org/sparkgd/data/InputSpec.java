package org.sparkgd.data;

import java.io.Serializable;
import java.util.List;

/**
 * What to read: the path, its format, and the columns to fit.
 *
 * @param delimiter the CSV field separator
 * @param minPartitions at least this many partitions (0: as the input's splits fall)
 */
public record InputSpec(String path, InputFormat format, char delimiter, List<String> features,
    String label, int minPartitions) implements Serializable {

  public InputSpec {
    features = List.copyOf(features);
  }
}
