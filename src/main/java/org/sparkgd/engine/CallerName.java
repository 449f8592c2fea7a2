package org.sparkgd.engine;

import org.apache.spark.api.java.JavaSparkContext;

/**
 * Who runs the passes, named by the caller ("sparkgd fit" for the command, the estimator's name
 * for Spark ML) for the length of a {@code try} block: every pass's job description starts with
 * it, so the web UI says whose jobs they are while the engine knows no command. Closing restores
 * the thread's previous name.
 */
public final class CallerName implements AutoCloseable {
  private static final String PROPERTY = "sparkgd.caller";

  private final JavaSparkContext jsc;
  private final String previous;

  private CallerName(JavaSparkContext jsc, String name) {
    this.jsc = jsc;
    this.previous = jsc.getLocalProperty(PROPERTY);
    jsc.setLocalProperty(PROPERTY, name);
  }

  public static CallerName of(org.apache.spark.SparkContext sc, String name) {
    return new CallerName(JavaSparkContext.fromSparkContext(sc), name);
  }

  /** "caller: what", or just what when no caller named itself. */
  public static String describe(org.apache.spark.SparkContext sc, String what) {
    String caller = sc.getLocalProperty(PROPERTY);
    return caller == null ? what : caller + ": " + what;
  }

  @Override
  public void close() {
    jsc.setLocalProperty(PROPERTY, previous);
  }
}
