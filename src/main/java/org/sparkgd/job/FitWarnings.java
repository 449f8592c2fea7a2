package org.sparkgd.job;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A fit's warnings in the order they were found, each logged as it is added. */
final class FitWarnings {
  /** The fit's own logger: a warning reads the same in the log whichever step found it. */
  private static final Logger LOG = LoggerFactory.getLogger(Fitter.class);

  private final List<String> all = new ArrayList<>();

  void add(String warning) {
    LOG.warn(warning);
    all.add(warning);
  }

  void addAll(Collection<String> warnings) {
    warnings.forEach(this::add);
  }

  List<String> list() {
    return List.copyOf(all);
  }
}
