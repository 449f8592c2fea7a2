package org.sparkgd.optim;

/** Where the descent loop hands its state every few iterations, so a fit can be resumed. */
@FunctionalInterface
public interface Checkpoints {
  Checkpoints NONE = state -> {};

  /** Called after an update, with the state that continues from it. */
  void save(DescentState state);
}
