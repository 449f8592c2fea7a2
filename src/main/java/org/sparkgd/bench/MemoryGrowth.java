package org.sparkgd.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.apache.spark.SparkEnv;
import org.sparkgd.optim.CostFunction;
import scala.jdk.javaapi.FunctionConverters;

/**
 * Whether a long run leaks: the driver's heap after a full GC and the broadcast blocks its block
 * manager holds, before and after many evaluations. A broadcast that is never released would
 * show as one more block (and its bytes) per iteration.
 */
final class MemoryGrowth {
  private MemoryGrowth() {}

  /** Heap in use after GC (bytes) and broadcast blocks held, at one moment. */
  record Snapshot(long heapBytes, int broadcastBlocks) {}

  record Result(String evaluator, long iterations, double millisPerIteration, Snapshot before,
      Snapshot after) {
    long heapGrowthBytes() {
      return after.heapBytes() - before.heapBytes();
    }
  }

  static Result measure(String name, CostFunction evaluator, long iterations) {
    double[] theta = BenchRun.THETA;
    evaluator.evaluate(theta, 0);
    Snapshot before = snapshot();
    long start = System.nanoTime();
    for (long k = 1; k <= iterations; k++) {
      evaluator.evaluate(theta, k);
    }
    double perIteration = (System.nanoTime() - start) / 1e6 / iterations;
    return new Result(name, iterations, perIteration, before, snapshot());
  }

  /**
   * After two full GCs and a pause: Spark's ContextCleaner releases the broadcasts (e.g. each
   * job's serialized tasks) whose driver-side objects were collected, on its own thread.
   */
  static Snapshot snapshot() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 2; i++) {
      System.gc();
      sleep(500);
    }
    int broadcasts = SparkEnv.get().blockManager().getMatchingBlockIds(
        FunctionConverters.asScalaFromFunction(id -> (Object) id.isBroadcast())).size();
    return new Snapshot(memory.getHeapMemoryUsage().getUsed(), broadcasts);
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
