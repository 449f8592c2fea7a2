package org.sparkgd.engine;

import org.apache.spark.api.java.JavaSparkContext;

/**
 * Names the Spark jobs of one pass for the length of a {@code try} block: the web UI's job
 * description (after the {@link CallerName}) and call site ("sparkgd pass"); closing restores the thread's previous ones. A
 * call site given spares Spark a walk of the driver's stack, which {@code broadcast} and
 * {@code runJob} each make otherwise, every iteration.
 */
final class JobLabel implements AutoCloseable {
  private static final String DESCRIPTION = "spark.job.description";
  /** The properties behind {@code SparkContext.setCallSite}: both, or Spark walks the stack. */
  private static final String CALL_SITE_SHORT = "callSite.short";
  private static final String CALL_SITE_LONG = "callSite.long";
  private static final String CALL_SITE = "sparkgd pass";

  private final JavaSparkContext jsc;
  private final String previousDescription;
  private final String previousShort;
  private final String previousLong;

  private JobLabel(JavaSparkContext jsc, String description) {
    this.jsc = jsc;
    this.previousDescription = jsc.getLocalProperty(DESCRIPTION);
    this.previousShort = jsc.getLocalProperty(CALL_SITE_SHORT);
    this.previousLong = jsc.getLocalProperty(CALL_SITE_LONG);
    jsc.setLocalProperty(DESCRIPTION, CallerName.describe(jsc.sc(), description));
    jsc.setLocalProperty(CALL_SITE_SHORT, CALL_SITE);
    jsc.setLocalProperty(CALL_SITE_LONG, CALL_SITE);
  }

  static JobLabel of(JavaSparkContext jsc, String description) {
    return new JobLabel(jsc, description);
  }

  @Override
  public void close() {
    jsc.setLocalProperty(DESCRIPTION, previousDescription);
    jsc.setLocalProperty(CALL_SITE_SHORT, previousShort);
    jsc.setLocalProperty(CALL_SITE_LONG, previousLong);
  }
}
