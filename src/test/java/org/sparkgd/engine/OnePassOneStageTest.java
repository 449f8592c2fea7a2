package org.sparkgd.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.apache.spark.SparkJobInfo;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sparkgd.SparkTestSession;
import org.sparkgd.TestData;
import org.sparkgd.config.BadRowPolicy;
import org.sparkgd.config.InputFormat;
import org.sparkgd.config.InputSource;
import org.sparkgd.config.InputSpec;
import org.sparkgd.data.TrainingData;

/**
 * A pass is one Spark job that runs one stage, no shuffle, in batch and mini-batch mode, over 8
 * cached partitions (where a depth-2 tree does shuffle, which is how the test knows it can see
 * one).
 */
class OnePassOneStageTest {
  @TempDir
  static Path dir;
  static InputSpec spec;

  @BeforeAll
  static void write() {
    Path csv = TestData.generate(4000, 5).writeCsv(dir.resolve("data.csv"));
    spec = new InputSpec(new InputSource(csv.toString(), InputFormat.CSV, ','), "y",
        TestData.FEATURES, 8, BadRowPolicy.FAIL);
  }

  @ParameterizedTest
  @CsvSource({"0, , 1", "0, 0.1, 1", "2, , 2", "2, 0.1, 2"})
  void aPassIsOneSingleStageJobUnlessATreeIsAskedFor(int treeDepth, Double fraction,
      int stages) throws InterruptedException {
    JavaSparkContext jsc = SparkTestSession.jsc();
    String group = "one-stage-" + treeDepth + "-" + fraction;
    try (TrainingData data = TrainingData.load(SparkTestSession.get().sparkContext(), spec)) {
      assertEquals(8, data.blocks().getNumPartitions());
      LeastSquaresLoss loss = new LeastSquaresLoss(data, treeDepth, fraction, 7, 10);
      jsc.setJobGroup(group, "a pass", false);
      try {
        loss.evaluate(new double[][] {{0.1, 0.2, 0.3, 0.4}}, 1);
      } finally {
        jsc.clearJobGroup();
      }
    }
    SparkJobInfo job = finishedJob(jsc, group);
    // The balancing shuffle's stage shows in every job's graph, skipped: its output is cached.
    long ran = java.util.Arrays.stream(job.stageIds()).mapToObj(jsc.statusTracker()::getStageInfo)
        .filter(stage -> stage != null && stage.numCompletedTasks() > 0).count();
    assertEquals(stages, ran, "stages that ran tasks in the pass's job");
  }

  /** The group's one job, once the status listener has seen it end (it runs behind). */
  private static SparkJobInfo finishedJob(JavaSparkContext jsc, String group)
      throws InterruptedException {
    for (int wait = 0; wait < 200; wait++) {
      int[] ids = jsc.statusTracker().getJobIdsForGroup(group);
      if (ids.length == 1) {
        SparkJobInfo info = jsc.statusTracker().getJobInfo(ids[0]);
        if (info != null && info.status() == org.apache.spark.JobExecutionStatus.SUCCEEDED) {
          return info;
        }
      }
      assertEquals(true, ids.length <= 1, "one job in the group, got " + ids.length);
      Thread.sleep(50);
    }
    throw new AssertionError("the pass's job did not show as succeeded within 10 s");
  }
}
