package org.sparkgd.job;

import java.util.ArrayList;
import java.util.List;
import org.sparkgd.data.Standardization;
import org.sparkgd.data.TrainingData;

/** What the user should know about the rows before trusting a fit of them. */
final class DataWarnings {
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
    if (data.rows() <= features.size()) {
      warnings.add(data.rows() + " rows for " + features.size() + " features: the "
          + "least-squares solution is not unique; gradient descent from 0 finds the one of "
          + "smallest norm");
    }
    return warnings;
  }
}
