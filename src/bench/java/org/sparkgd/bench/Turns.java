package org.sparkgd.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Times several operations in turns: one run of each per round, each round starting with the
 * next operation, so that a change in the machine's load (other processes, other tenants'
 * memory traffic) hits them all alike and their ratios stay meaningful.
 */
final class Turns {
  private Turns() {}

  /**
   * @param operations each is given the round's number (warm-up rounds first), e.g. as the
   *     iteration whose mini-batch it draws
   * @return one timing per operation, in the order given
   */
  static List<Timing> measure(List<LongConsumer> operations, int warmup, int repetitions) {
    int n = operations.size();
    long round = 0;
    for (int w = 0; w < warmup; w++, round++) {
      for (LongConsumer op : operations) {
        op.accept(round);
      }
    }
    double[][] millis = new double[n][repetitions];
    for (int r = 0; r < repetitions; r++, round++) {
      for (int turn = 0; turn < n; turn++) {
        int k = (r + turn) % n;
        long start = System.nanoTime();
        operations.get(k).accept(round);
        millis[k][r] = (System.nanoTime() - start) / 1e6;
      }
    }
    List<Timing> timings = new ArrayList<>();
    for (double[] m : millis) {
      timings.add(new Timing(m));
    }
    return timings;
  }
}
