package org.sparkgd.job;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkEnv;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sparkgd.UserError;
import org.sparkgd.data.CacheSize;
import scala.Tuple2;

/**
 * A fit's cache against the memory Spark can keep it in, said before the rows are cached.
 * Spark's unified memory is (heap − 300 MiB) × {@code spark.memory.fraction}, and the cache may
 * take all of it while no task needs execution memory (a fit's passes need almost none). Rules:
 * <ul>
 *   <li>above what is free, a local fit is refused: every pass would read the rest from disk
 *       (at 10⁸ rows on the old default heap, half the cache), the limit is this JVM's heap,
 *       and the setting is one line away;
 *   <li>above half of it, a warning: the cache is built from a cached copy of the input (the
 *       statistics' pass reads it), so both are held at once and part of the copy goes to
 *       disk while the cache is built;
 *   <li>on a cluster, executors may come and go: the figures are logged, a shortfall warned of.
 * </ul>
 * The Parquet row count is exact; a CSV's is an estimate (within a few per cent for files
 * whose lines are alike), and is judged as if exact.
 */
final class CacheBudget {
  private static final Logger LOG = LoggerFactory.getLogger(CacheBudget.class);
  /** Spark's reserved system memory (UnifiedMemoryManager's RESERVED_SYSTEM_MEMORY_BYTES). */
  static final long RESERVED = 300L << 20;
  private static final long GIB = 1L << 30;

  /** The memory figures a verdict rests on; {@code storage} ≤ 0 when unknown. */
  record Memory(boolean local, long storage, long heap, double fraction, long machine) {
    /** The heap that holds the cache and the copy it is built from, in whole GiB. */
    long heapFor(long cacheBytes) {
      return (long) Math.ceil((RESERVED + 2 * cacheBytes / fraction) / GIB);
    }
  }

  private CacheBudget() {}

  /** Logs the cache's size against {@code sc}'s storage memory; refuses what cannot fit. */
  static void check(SparkContext sc, String input, CacheSize size) {
    Memory memory = memory(sc);
    LOG.info("Cache: {}; storage memory {}", size.describe(), memory.storage() <= 0 ? "unknown"
        : CacheSize.mib(memory.storage()) + (memory.local() ? " free in this local driver "
            + "(heap " + CacheSize.mib(memory.heap()) + ")" : " in the executors"));
    String warning = judge(input, size, memory);
    if (warning != null) {
      LOG.warn(warning);
    }
  }

  /**
   * The warning for {@code size} against {@code memory}, or null.
   *
   * @throws UserError when a local driver cannot hold the cache
   */
  static String judge(String input, CacheSize size, Memory memory) {
    if (size.bytes() < 0 || memory.storage() <= 0 || 2 * size.bytes() <= memory.storage()) {
      return null;
    }
    String needs = input + ": the cache needs " + CacheSize.mib(size.bytes()) + " ("
        + size.describe().replaceFirst(" = .*", "") + ")";
    if (!memory.local()) {
      return size.bytes() <= memory.storage() ? null : needs + " but the executors have "
          + CacheSize.mib(memory.storage()) + " of storage memory: the rest is read from "
          + "disk every iteration; more or larger executors (--executor-memory) avoid it";
    }
    long heap = memory.heapFor(size.bytes());
    String setting = "SPARKGD_DRIVER_MEMORY=" + heap + "g (spark-submit: --driver-memory "
        + heap + "g)" + (heap * GIB > memory.machine() ? ", more than this machine's "
        + CacheSize.mib(memory.machine()) + ": fit on a cluster (--master)" : "");
    if (size.bytes() > memory.storage()) {
      throw new UserError(needs + " but this local driver has " + CacheSize.mib(
          memory.storage()) + " of storage memory (of a " + CacheSize.mib(memory.heap())
          + " heap); set " + setting);
    }
    return String.format(Locale.ROOT, "%s, %s of the %s of storage memory: the input's copy "
        + "it is built from goes partly to disk meanwhile; %s avoids it", needs,
        percent(size.bytes(), memory.storage()), CacheSize.mib(memory.storage()), setting);
  }

  private static String percent(long part, long whole) {
    return String.format(Locale.ROOT, "%.0f%%", 100.0 * part / whole);
  }

  /**
   * This driver's free storage memory in local mode (it runs the tasks); else the executors'
   * total, 0 while none has registered.
   */
  static Memory memory(SparkContext sc) {
    String driver = SparkEnv.get().blockManager().blockManagerId().hostPort();
    long storage = 0;
    scala.collection.Iterator<Tuple2<String, Tuple2<Object, Object>>> managers =
        sc.getExecutorMemoryStatus().iterator();
    while (managers.hasNext()) {
      Tuple2<String, Tuple2<Object, Object>> manager = managers.next();
      if (sc.isLocal() == manager._1().equals(driver)) {
        storage += sc.isLocal() ? (Long) manager._2()._2() : (Long) manager._2()._1();
      }
    }
    return new Memory(sc.isLocal(), storage, Runtime.getRuntime().maxMemory(),
        sc.conf().getDouble("spark.memory.fraction", 0.6),
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory
            .getOperatingSystemMXBean()).getTotalMemorySize());
  }
}
