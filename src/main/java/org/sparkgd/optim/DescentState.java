package org.sparkgd.optim;

import java.util.List;

/**
 * The state of a whole descent between passes: the passes made and every run's state. A
 * mini-batch sampler needs no state: a batch is drawn from (seed, pass).
 */
public record DescentState(long passes, List<RunState> runs) {
  public DescentState {
    runs = List.copyOf(runs);
  }

  /** Milliseconds the descent had run when this state was reached (0 at the start). */
  public double elapsedMillis() {
    double elapsed = 0;
    for (RunState r : runs) {
      if (!r.history().isEmpty()) {
        elapsed = Math.max(elapsed, r.history().get(r.history().size() - 1).elapsedMillis());
      }
    }
    return elapsed;
  }
}
