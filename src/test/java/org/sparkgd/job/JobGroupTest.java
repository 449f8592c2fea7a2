package org.sparkgd.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.spark.SparkContext;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkgd.SparkTestSession;
import org.sparkgd.TestData;
import org.sparkgd.cli.CliRunner;
import org.sparkgd.ml.GradientDescentRegressor;

/**
 * What the Spark web UI shows of a fit: one job group, and jobs that say what they do, named by
 * their caller (the command, or the estimator).
 */
class JobGroupTest {
  @TempDir
  Path dir;

  /** Job group and description of every job started while it listens. */
  private static final class Jobs extends SparkListener {
    final List<String[]> started = new ArrayList<>();

    @Override
    public synchronized void onJobStart(SparkListenerJobStart job) {
      Properties p = job.properties();
      started.add(new String[] {p.getProperty("spark.jobGroup.id"),
          p.getProperty("spark.job.description")});
    }

    synchronized List<String[]> snapshot() {
      return new ArrayList<>(started);
    }
  }

  @Test
  void theEstimatorNamesItsOwnJobsWithoutTheCommand() throws InterruptedException {
    Path csv = TestData.generate(300, 6).writeCsv(dir.resolve("ml.csv"));
    SparkSession spark = SparkTestSession.get();
    Dataset<Row> frame = new VectorAssembler().setInputCols(new String[] {"x1", "x2", "x3"})
        .setOutputCol("features").transform(SparkTestSession.csv(csv.toString()));
    GradientDescentRegressor regressor = new GradientDescentRegressor().setLabelCol("y")
        .setMaxIter(3).setTol(0);
    String caller = "GradientDescentRegressor " + regressor.uid() + ": ";
    Jobs jobs = new Jobs();
    spark.sparkContext().addSparkListener(jobs);
    try {
      regressor.fit(frame);
      for (int waited = 0; waited < 300 && jobs.snapshot().stream()
          .noneMatch(j -> (caller + "training metrics").equals(j[1])); waited++) {
        Thread.sleep(100);
      }
    } finally {
      spark.sparkContext().removeSparkListener(jobs);
    }
    List<String> descriptions = jobs.snapshot().stream().map(j -> j[1])
        .filter(d -> d != null && d.startsWith(caller)).toList();
    assertTrue(descriptions.contains(caller + "iteration 3/3"), descriptions.toString());
    assertTrue(descriptions.contains(caller + "training metrics"), descriptions.toString());
    assertTrue(jobs.snapshot().stream().map(j -> String.valueOf(j[1]))
        .noneMatch(d -> d.contains("sparkgd fit")), descriptions.toString());
  }

  @Test
  void everyJobOfAFitIsInOneGroupAndTheIterationsAreNamed() throws InterruptedException {
    Path csv = TestData.generate(300, 5).writeCsv(dir.resolve("data.csv"));
    SparkContext sc = SparkTestSession.get().sparkContext();
    Jobs jobs = new Jobs();
    sc.addSparkListener(jobs);
    try {
      CliRunner.Result r = CliRunner.fit(csv, dir.resolve("fit"), "--max-iterations", "3",
          "--tolerance", "0");
      assertEquals(0, r.exitCode(), r.err());
      // Listeners hear of jobs asynchronously: wait (bounded) for the last iteration's job.
      for (int waited = 0; waited < 300 && jobs.snapshot().stream()
          .noneMatch(j -> "sparkgd fit: training metrics".equals(j[1])); waited++) {
        Thread.sleep(100);
      }
    } finally {
      sc.removeSparkListener(jobs);
    }
    List<String[]> started = jobs.snapshot();
    List<String> descriptions = started.stream().map(j -> j[1]).toList();
    for (int k = 0; k <= 3; k++) {
      assertTrue(descriptions.contains("sparkgd fit: iteration " + k + "/3"), descriptions
          .toString());
    }
    assertTrue(descriptions.contains("sparkgd fit: training metrics"), descriptions.toString());
    String group = started.get(0)[0];
    assertTrue(group != null && group.startsWith("sparkgd-fit-"), group);
    for (String[] job : started) {
      assertEquals(group, job[0], "every job in the fit's group: " + job[1]);
    }
    assertNull(sc.getLocalProperty("spark.jobGroup.id"), "the thread's group is restored");
  }
}
