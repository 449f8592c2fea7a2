package org.sparkgd.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparkgd.optim.IterationRecord;

class ProgressLogTest {
  private static IterationRecord record(long k, double elapsedMillis) {
    return new IterationRecord("alpha=0.1", k, 0.25, 0.25, 0.1, 0.003, new double[] {0, 1}, 5000,
        k + 1, Double.NaN, elapsedMillis);
  }

  @Test
  void aLineForTheFirstIterationThenEveryTenthOfTheBudgetOrEveryFewSeconds() {
    List<String> lines = new ArrayList<>();
    long[] now = {0};
    ProgressLog log = new ProgressLog(1000, 5, lines::add, () -> now[0]);
    // Fast iterations (1 ms each): a line every 100 iterations.
    for (int k = 0; k <= 250; k++) {
      now[0] = k * 1_000_000L;
      log.onIteration(record(k, k + 1));
    }
    assertEquals(3, lines.size(), lines.toString());
    assertTrue(lines.get(1).startsWith("[alpha=0.1] iteration 100/1000 "), lines.get(1));
    // Slow iterations (2 s each): a line whenever 5 s have passed.
    lines.clear();
    for (int k = 251; k <= 260; k++) {
      now[0] += 2_000_000_000L;
      log.onIteration(record(k, 0));
    }
    assertEquals(List.of(253, 256, 259), lines.stream()
        .map(l -> Integer.parseInt(l.substring(22, 25))).toList());
  }

  @Test
  void theLineHasCostStepGradientRateAndTimeLeft() {
    // Iterations 0..9 took 2 s: 0.2 s each, 5000 rows → 25,000 rows/s; 990 left → 198 s.
    String line = ProgressLog.line(record(9, 2000), 999);
    assertEquals("[alpha=0.1] iteration 9/999  cost 0.2500000000  step 0.1000  |grad| 0.003000  "
        + "2.50e+04 rows/s  at most 3m18s left", line);
  }

  @Test
  void durationsReadAsAPersonWouldSayThem() {
    assertEquals("42s", ProgressLog.duration(42.2));
    assertEquals("3m05s", ProgressLog.duration(185));
    assertEquals("2h07m", ProgressLog.duration(2 * 3600 + 7 * 60 + 30));
  }
}
