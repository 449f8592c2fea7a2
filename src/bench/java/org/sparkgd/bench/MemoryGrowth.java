package org.sparkgd.bench;

import java.lang.management.ManagementFactory;
import org.apache.spark.SparkEnv;
import org.sparkgd.optim.CostFunction;
import scala.jdk.javaapi.FunctionConverters;

/**
 * Whether a long run leaks: the driver's heap after a full GC and the broadcast blocks its block
 * manager holds, at the start, halfway and at the end of many evaluations. A leak grows in both
 * halves; a broadcast that is never released shows as more blocks (and bytes) every iteration.
 * A warm-up first fills what Spark keeps of past jobs by design (the status store keeps the
 * last 1,000 jobs and stages, {@code spark.ui.retainedJobs}/{@code retainedStages}).
 */
final class MemoryGrowth {
  /** More than Spark's default retainedJobs and retainedStages (1,000 each). */
  static final long WARMUP_ITERATIONS = 1_500;

  private MemoryGrowth() {}

  /** Heap in use after GC (bytes) and broadcast blocks held, at one moment. */
  record Snapshot(long heapBytes, int broadcastBlocks) {}

  record Result(String evaluator, long iterations, double millisPerIteration, Snapshot start,
      Snapshot middle, Snapshot end) {}

  static Result measure(String name, CostFunction evaluator, long iterations) {
    double[] theta = BenchRun.THETA;
    long k = 0;
    for (long end = Math.min(iterations, WARMUP_ITERATIONS); k < end; k++) {
      evaluator.evaluate(theta, k);
    }
    Snapshot start = snapshot();
    long startNanos = System.nanoTime();
    long half = iterations / 2;
    for (long i = 0; i < half; i++) {
      evaluator.evaluate(theta, k++);
    }
    long pausedNanos = System.nanoTime();
    Snapshot middle = snapshot();
    pausedNanos = System.nanoTime() - pausedNanos;
    for (long i = half; i < iterations; i++) {
      evaluator.evaluate(theta, k++);
    }
    double perIteration = (System.nanoTime() - startNanos - pausedNanos) / 1e6 / iterations;
    return new Result(name, iterations, perIteration, start, middle, snapshot());
  }

  /**
   * After two full GCs and a pause: Spark's ContextCleaner releases the broadcasts (e.g. each
   * job's serialized tasks) whose driver-side objects were collected, on its own thread.
   */
  static Snapshot snapshot() {
    for (int i = 0; i < 2; i++) {
      System.gc();
      sleep(500);
    }
    return new Snapshot(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
        broadcastBlocks());
  }

  /** Broadcast blocks (values and pieces) the driver's block manager holds now. */
  static int broadcastBlocks() {
    return SparkEnv.get().blockManager().getMatchingBlockIds(
        FunctionConverters.asScalaFromFunction(id -> (Object) id.isBroadcast())).size();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
