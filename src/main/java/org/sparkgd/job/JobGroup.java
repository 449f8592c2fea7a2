package org.sparkgd.job;

import java.util.UUID;
import org.apache.spark.SparkContext;
import org.sparkgd.engine.CallerName;

/**
 * Puts the Spark jobs of one fit into a job group named {@code sparkgd-fit-…}, each with a
 * description of what it does after the caller's name ({@link CallerName}: "sparkgd fit:
 * descent" for the command, the estimator's own for Spark ML), so the Spark web UI shows what
 * runs and for whom (and the group can be cancelled as one). Nested use keeps the enclosing
 * group; closing restores the thread's previous group and description, so a caller's own group
 * (a notebook's, say) survives.
 */
final class JobGroup implements AutoCloseable {
  private static final String GROUP_ID = "spark.jobGroup.id";
  private static final String DESCRIPTION = "spark.job.description";
  private static final String INTERRUPT = "spark.job.interruptOnCancel";
  private static final String PREFIX = "sparkgd-fit-";

  private final SparkContext sc;
  private final String previousGroup;
  private final String previousDescription;
  private final String previousInterrupt;

  private JobGroup(SparkContext sc, String description) {
    this.sc = sc;
    this.previousGroup = sc.getLocalProperty(GROUP_ID);
    this.previousDescription = sc.getLocalProperty(DESCRIPTION);
    this.previousInterrupt = sc.getLocalProperty(INTERRUPT);
    String id = previousGroup != null && previousGroup.startsWith(PREFIX) ? previousGroup
        : PREFIX + UUID.randomUUID().toString().substring(0, 8);
    sc.setJobGroup(id, CallerName.describe(sc, description), false);
  }

  static JobGroup open(SparkContext sc, String description) {
    return new JobGroup(sc, description);
  }

  /** Names the jobs that follow. */
  void describe(String description) {
    sc.setJobDescription(CallerName.describe(sc, description));
  }

  @Override
  public void close() {
    sc.setLocalProperty(GROUP_ID, previousGroup);
    sc.setLocalProperty(DESCRIPTION, previousDescription);
    sc.setLocalProperty(INTERRUPT, previousInterrupt);
  }
}
