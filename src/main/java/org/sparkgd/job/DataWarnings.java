package org.sparkgd.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.RDDInfo;
import org.sparkgd.data.Standardization;
import org.sparkgd.data.TrainingData;

/** What the user should know about the rows before trusting a fit of them. */
final class DataWarnings {
  private static final double MIB = 1024.0 * 1024.0;

  private DataWarnings() {}

  static List<String> of(TrainingData data, String label, List<String> features) {
    List<String> warnings = new ArrayList<>();
    if (data.skipped().count() > 0) {
      warnings.add(data.skipped().count() + " bad input rows skipped, e.g. "
          + String.join("; ", data.skipped().examples()));
    }
    Standardization s = data.standardization();
    for (int j : s.constantFeatures()) {
      warnings.add("feature '" + features.get(j) + "' has the same value ("
          + s.featureMeans()[j] + ") in every row: its coefficient is fixed at 0");
    }
    if (s.constantLabel()) {
      warnings.add("label '" + label + "' has the same value (" + s.labelMean()
          + ") in every row: the model is that constant");
    }
    spilled(data.blocks()).ifPresent(warnings::add);
    if (data.rows() <= features.size()) {
      warnings.add(data.rows() + " rows for " + features.size() + " features: the "
          + "least-squares solution is not unique; gradient descent from 0 finds the one of "
          + "smallest norm");
    }
    return warnings;
  }

  /**
   * What of the cached rows Spark had to put on disk for want of memory: every pass reads it
   * from there again (at 1e8 rows on a default local heap, half the cache).
   */
  static Optional<String> spilled(JavaRDD<?> cached) {
    for (RDDInfo info : cached.context().getRDDStorageInfo()) {
      if (info.id() == cached.id() && info.diskSize() > 0) {
        String share = info.memSize() == 0
            ? String.format(Locale.ROOT, "all %.0f MiB", info.diskSize() / MIB)
            : String.format(Locale.ROOT, "%.0f MiB of the %.0f MiB", info.diskSize() / MIB,
                (info.memSize() + info.diskSize()) / MIB);
        return Optional.of(share + " of cached rows did not fit in Spark's memory and are read "
            + "from disk every iteration: give Spark more memory (local mode: "
            + "SPARKGD_DRIVER_MEMORY=<size>, e.g. 12g; a cluster: more or larger executors, "
            + "--executor-memory)");
      }
    }
    return Optional.empty();
  }
}
