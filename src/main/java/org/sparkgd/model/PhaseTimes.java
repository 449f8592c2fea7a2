package org.sparkgd.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a fit's wall time went, phase by phase, in seconds: model.json's {@code timings}. Each
 * {@link #mark} ends the phase running since the previous mark (a phase marked twice adds up),
 * on {@link System#nanoTime}. A fit in a fresh process also records the process's own start:
 * {@code jvm_start} (the JVM's start to the SparkContext's) and {@code spark_start} (the
 * SparkContext's start to the fit's), from wall clocks in milliseconds; a later fit in the
 * same process (a notebook, the tests) has none, as it did not wait for them.
 */
public final class PhaseTimes {
  public static final String JVM_START = "jvm_start";
  public static final String SPARK_START = "spark_start";
  public static final String READ_CACHE = "read_cache";
  public static final String REFERENCE = "reference";
  public static final String DESCENT = "descent";
  public static final String METRICS = "metrics";
  public static final String OUTPUTS = "outputs";

  private final Map<String, Double> seconds = new LinkedHashMap<>();
  /** The seconds counted before this clock started: the process's start, when recorded. */
  private final double before;
  private final long origin = System.nanoTime();
  private long last = origin;

  private PhaseTimes(double before) {
    this.before = before;
  }

  /** A clock that starts now, with nothing before it. */
  public static PhaseTimes startingNow() {
    return new PhaseTimes(0);
  }

  /**
   * A clock that starts now, in a process whose JVM started at {@code jvmStartMillis} and whose
   * SparkContext at {@code sparkStartMillis} (epoch milliseconds); {@code nowMillis} is now.
   */
  public static PhaseTimes afterStart(long jvmStartMillis, long sparkStartMillis,
      long nowMillis) {
    double jvm = Math.max(0, sparkStartMillis - jvmStartMillis) / 1e3;
    double spark = Math.max(0, nowMillis - Math.max(jvmStartMillis, sparkStartMillis)) / 1e3;
    PhaseTimes times = new PhaseTimes(jvm + spark);
    times.seconds.put(JVM_START, jvm);
    times.seconds.put(SPARK_START, spark);
    return times;
  }

  /** Ends the phase {@code name}: the time since the previous mark is added to it. */
  public void mark(String name) {
    long now = System.nanoTime();
    seconds.merge(name, (now - last) / 1e9, Double::sum);
    last = now;
  }

  /** The phases in the order they were first marked. */
  public Map<String, Double> seconds() {
    return Collections.unmodifiableMap(seconds);
  }

  /** The seconds from the process's start (when recorded) or the clock's to now. */
  public double totalUntilNow() {
    return before + (System.nanoTime() - origin) / 1e9;
  }
}
