package org.sparkgd;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;
import org.sparkgd.cli.SparkGd;
import org.sparkgd.data.DataBlock;
import org.sparkgd.job.FitJob;

/**
 * {@code sparkgd fit ARGS} on the master {@code local[2,4]} (a failed task is retried), with
 * the first attempt of every other gradient task failing; {@link FaultToleranceIT} starts it in
 * a JVM of its own. The failures go in through {@code FitJob}'s loss seam, so the command's
 * path knows nothing of them. Prints the number of failures injected.
 */
public final class FaultyFit {
  /** Tasks of a local master run in this JVM: they count here. */
  private static final AtomicInteger INJECTED = new AtomicInteger();

  private FaultyFit() {}

  public static void main(String[] args) {
    SparkSession spark = SparkSession.builder().master("local[2,4]").appName("faulty fit")
        .config("spark.ui.enabled", "false").getOrCreate();
    try {
      FitJob.run(spark.sparkContext(), SparkGd.fitConfig(args),
          loss -> loss.decorated(FaultyFit::failFirstAttempts));
      System.out.println("injected failures: " + INJECTED.get());
    } finally {
      spark.stop();
    }
  }

  private static JavaRDD<DataBlock> failFirstAttempts(JavaRDD<DataBlock> blocks, long pass) {
    return blocks.mapPartitionsWithIndex((partition, rows) -> {
      if (TaskContext.get().attemptNumber() == 0 && (partition + pass) % 2 == 0) {
        INJECTED.incrementAndGet();
        throw new IllegalStateException("injected failure: pass " + pass + ", partition "
            + partition);
      }
      return rows;
    }, true);
  }
}
