package org.sparkgd.storage;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.sparkgd.cli.CliRunner;

/**
 * A fit that dies in the middle, in this JVM: once its checkpoint folder holds a checkpoint at
 * or past an iteration, every Spark job of the session is cancelled until the fit gives up, as
 * when a driver loses its executors for good. The checkpoints stay for a {@code --resume}.
 */
final class Interrupt {
  private Interrupt() {}

  /** Runs the fit and cancels it once {@code <output>.checkpoint} reaches {@code iteration}. */
  static CliRunner.Result fitUntilCheckpoint(SparkSession spark, Supplier<CliRunner.Result> fit,
      String output, long iteration) throws Exception {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Path checkpoints = new Path(output + ".checkpoint");
    CompletableFuture<CliRunner.Result> run = CompletableFuture.supplyAsync(fit);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (latest(conf, checkpoints) < iteration) {
      assertTrue(!run.isDone(), "the fit ended before a checkpoint at " + iteration + ": "
          + (run.isDone() ? run.get().err() : ""));
      assertTrue(System.nanoTime() < deadline, "no checkpoint at " + iteration + " in 180 s");
      Thread.sleep(20);
    }
    while (!run.isDone()) {
      spark.sparkContext().cancelAllJobs();
      Thread.sleep(10);
    }
    CliRunner.Result result = run.get(60, TimeUnit.SECONDS);
    assertNotEquals(0, result.exitCode(), "the fit was cancelled: " + result.out());
    return result;
  }

  /** The iteration of the newest checkpoint in the folder, or -1. */
  static long latest(Configuration conf, Path dir) throws IOException {
    FileSystem fs = dir.getFileSystem(conf);
    if (!fs.exists(dir)) {
      return -1;
    }
    long latest = -1;
    for (FileStatus f : fs.listStatus(dir)) {
      String name = f.getPath().getName();
      if (name.matches("checkpoint-\\d+\\.json")) {
        latest = Math.max(latest, Long.parseLong(name.replaceAll("\\D", "")));
      }
    }
    return latest;
  }
}
