package org.sparkgd.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sparkgd.SparkTestSession;
import org.sparkgd.UserError;
import org.sparkgd.data.CacheSize;

/** A cache against Spark's storage memory: refused, warned of, or let be, by the rules. */
class CacheBudgetTest {
  private static final long MIB = 1L << 20;
  private static final long GIB = 1L << 30;
  /** 10⁸ rows of 3 features and a label: 3.0 GiB. */
  private static final CacheSize LARGE = CacheSize.of(100_000_000L, true, 3, false, 4);

  /** A local driver with {@code storage} bytes free of a 2 GiB heap, on a 24 GiB machine. */
  private static CacheBudget.Memory local(long storage) {
    return new CacheBudget.Memory(true, storage, 2 * GIB, 0.6, 24 * GIB);
  }

  @Test
  void aLocalCacheAboveTheStorageMemoryIsRefusedInOneLineWithTheSetting() {
    UserError e = assertThrows(UserError.class,
        () -> CacheBudget.judge("big.parquet", LARGE, local(1000 * MIB)));
    assertEquals(UserError.EXIT_CODE, e.exitCode());
    String line = e.getMessage();
    assertEquals(1, line.lines().count(), line);
    // 300 MiB + 2 × 2.98 GiB / 0.8 / 0.6 = 12.7 GiB: 13g.
    assertEquals("big.parquet: the cache needs 3051.9 MiB (100,000,000 rows × 4 columns), "
        + "twice that while it is built from the input's copy, but this local driver has "
        + "1000.0 MiB of storage memory (of a 2048.0 MiB heap); set SPARKGD_DRIVER_MEMORY=13g "
        + "(spark-submit: --driver-memory 13g)", line);
  }

  @Test
  void aHeapLargerThanTheMachineSaysToUseACluster() {
    CacheBudget.Memory small = new CacheBudget.Memory(true, GIB, 2 * GIB, 0.6, 8 * GIB);
    String line = assertThrows(UserError.class,
        () -> CacheBudget.judge("big.parquet", LARGE, small)).getMessage();
    assertTrue(line.endsWith("more than this machine's 8192.0 MiB: fit on a cluster (--master)"),
        line);
  }

  @Test
  void aCacheWhoseCopyLeavesLessThanAFifthFreeIsAWarning() {
    long bytes = LARGE.bytes();
    String warning = CacheBudget.judge("big.parquet", LARGE, local(bytes * 9 / 4));
    assertTrue(warning.startsWith("big.parquet: the cache needs 3051.9 MiB (100,000,000 rows × "
        + "4 columns), twice that while it is built from the input's copy: 89% of the "
        + CacheSize.mib(bytes * 9 / 4) + " of storage memory, so part of it may go to disk"),
        warning);
    assertTrue(warning.endsWith("SPARKGD_DRIVER_MEMORY=13g (spark-submit: --driver-memory 13g) "
        + "avoids it"), warning);
    assertNull(CacheBudget.judge("big.parquet", LARGE, local(bytes * 5 / 2)), "80%");
  }

  @Test
  void theEdgesAreExactAndUnknownsAreNeverRefused() {
    long bytes = LARGE.bytes();
    assertTrue(CacheBudget.judge("in", LARGE, local(2 * bytes)) != null, "100% is a warning");
    assertThrows(UserError.class, () -> CacheBudget.judge("in", LARGE, local(2 * bytes - 1)));
    CacheSize unknown = CacheSize.of(-1, false, 3, false, 4);
    assertNull(CacheBudget.judge("in.csv.gz", unknown, local(MIB)));
    assertNull(CacheBudget.judge("in", LARGE, local(0)), "no figure: only logged");
  }

  @Test
  void onAClusterAShortfallIsOnlyAWarning() {
    CacheBudget.Memory executors = new CacheBudget.Memory(false, GIB, 2 * GIB, 0.6, 8 * GIB);
    String warning = CacheBudget.judge("big.parquet", LARGE, executors);
    assertTrue(warning.contains("the executors have 1024.0 MiB of storage memory")
        && warning.contains("--executor-memory"), warning);
    assertNull(CacheBudget.judge("big.parquet", LARGE,
        new CacheBudget.Memory(false, 4 * GIB, 2 * GIB, 0.6, 8 * GIB)));
  }

  @Test
  void theLocalFiguresAreThoseOfThisDriver() {
    CacheBudget.Memory memory = CacheBudget.memory(SparkTestSession.get().sparkContext());
    long heap = Runtime.getRuntime().maxMemory();
    assertTrue(memory.local());
    assertEquals(heap, memory.heap());
    // Spark's unified region, (heap − 300 MiB) × 0.6, less what the other tests keep cached.
    assertTrue(memory.storage() > 0 && memory.storage() <= (heap - 300 * MIB) * 0.6 + MIB,
        memory.storage() + " of " + heap);
  }
}
