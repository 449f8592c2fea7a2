package org.sparkgd.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhaseTimesTest {
  private static void spin(long nanos) {
    long end = System.nanoTime() + nanos;
    while (System.nanoTime() < end) {
      Thread.onSpinWait();
    }
  }

  @Test
  void theStartPhasesComeFromTheProcessClocks() {
    PhaseTimes times = PhaseTimes.afterStart(1_000, 3_500, 4_250);
    assertEquals(2.5, times.seconds().get(PhaseTimes.JVM_START), 0);
    assertEquals(0.75, times.seconds().get(PhaseTimes.SPARK_START), 0);
    assertTrue(times.totalUntilNow() >= 3.25);
  }

  @Test
  void phasesFollowOneAnotherAndAPhaseMarkedTwiceAddsUp() {
    PhaseTimes times = PhaseTimes.startingNow();
    spin(2_000_000);
    times.mark(PhaseTimes.READ_CACHE);
    spin(1_000_000);
    times.mark(PhaseTimes.METRICS);
    spin(1_000_000);
    times.mark(PhaseTimes.OUTPUTS);
    spin(1_000_000);
    times.mark(PhaseTimes.METRICS);
    assertEquals(List.of(PhaseTimes.READ_CACHE, PhaseTimes.METRICS, PhaseTimes.OUTPUTS),
        List.copyOf(times.seconds().keySet()));
    assertTrue(times.seconds().get(PhaseTimes.READ_CACHE) >= 0.002);
    assertTrue(times.seconds().get(PhaseTimes.METRICS) >= 0.002);
    double sum = times.seconds().values().stream().mapToDouble(Double::doubleValue).sum();
    assertTrue(sum >= 0.005 && sum <= times.totalUntilNow());
    assertFalse(times.seconds().containsKey(PhaseTimes.JVM_START));
  }
}
