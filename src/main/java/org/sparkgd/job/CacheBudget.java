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
 * take all of it while no task needs execution memory (a fit's passes need almost none). The
 * cache is built from a cached copy of the input (the statistics' pass reads it), and a
 * partition being read cannot be evicted: the two must fit together. Measured at 10⁷ rows on a
 * 1 GiB heap, a cache of 70% of the storage memory (140% with its copy) went all to disk. Rules:
 * <ul>
 *   <li>above the storage memory (cache and copy), a local fit is refused: every pass would
 *       read the cache from disk, the limit is this JVM's heap, and the setting is one line
 *       away;
 *   <li>above 80% of it, a warning: Spark reserves up to 1.5 times a partition while it
 *       unrolls it, so part may still go to disk;
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
  /** The share of the storage memory that cache and copy may take without a warning. */
  static final double WARN_SHARE = 0.8;

  /** The memory figures a verdict rests on; {@code storage} ≤ 0 when unknown. */
  record Memory(boolean local, long storage, long heap, double fraction, long machine) {
    /** The heap whose storage memory holds the cache and its copy within 80%, in GiB. */
    long heapFor(long cacheBytes) {
      return (long) Math.ceil((RESERVED + 2 * cacheBytes / WARN_SHARE / fraction) / GIB);
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
    long peak = 2 * size.bytes();
    if (size.bytes() < 0 || memory.storage() <= 0 || peak <= WARN_SHARE * memory.storage()) {
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
    if (peak > memory.storage()) {
      throw new UserError(needs + ", twice that while it is built from the input's copy, but "
          + "this local driver has " + CacheSize.mib(memory.storage()) + " of storage memory "
          + "(of a " + CacheSize.mib(memory.heap()) + " heap); set " + setting);
    }
    return String.format(Locale.ROOT, "%s, twice that while it is built from the input's "
        + "copy: %s of the %s of storage memory, so part of it may go to disk; %s avoids it",
        needs, percent(peak, memory.storage()), CacheSize.mib(memory.storage()), setting);
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
