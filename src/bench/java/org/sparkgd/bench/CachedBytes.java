package org.sparkgd.bench;

import org.apache.spark.SparkContext;
import org.apache.spark.storage.RDDInfo;

/** What Spark's storage status reports for a cached RDD (the Storage tab's figures). */
record CachedBytes(String name, long memoryBytes, long diskBytes, int cachedPartitions,
    int partitions) {

  private static final long WAIT_MILLIS = 30_000;

  long totalBytes() {
    return memoryBytes + diskBytes;
  }

  /**
   * The storage status of RDD {@code rddId}, once every partition shows as cached: the status
   * is updated by listener events, a moment after the job that cached the data ended.
   */
  static CachedBytes of(SparkContext sc, int rddId) {
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    while (true) {
      for (RDDInfo info : sc.getRDDStorageInfo()) {
        if (info.id() == rddId && (info.numCachedPartitions() == info.numPartitions()
            || System.currentTimeMillis() > deadline)) {
          return new CachedBytes(info.name(), info.memSize(), info.diskSize(),
              info.numCachedPartitions(), info.numPartitions());
        }
      }
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("RDD " + rddId + " is not cached");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
