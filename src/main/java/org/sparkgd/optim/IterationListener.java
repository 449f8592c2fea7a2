package org.sparkgd.optim;

/** Told of every recorded iteration, on the driver (progress lines, for instance). */
@FunctionalInterface
public interface IterationListener {
  IterationListener NONE = record -> {};

  void onIteration(IterationRecord record);
}
