package org.sparkgd.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.Test;
import org.sparkgd.SparkTestSession;

/** A cache that Spark put on disk is a warning, with what to do about it. */
class DataWarningsTest {
  private static JavaRDD<double[]> cached(StorageLevel level) {
    List<double[]> rows = IntStream.range(0, 20_000).mapToObj(i -> new double[] {i, 2 * i})
        .toList();
    JavaRDD<double[]> rdd = SparkTestSession.jsc().parallelize(rows, 2).persist(level);
    rdd.count();
    return rdd;
  }

  @Test
  void rowsCachedOnDiskAreAWarningThatSaysHowMuchAndWhatToDo() {
    JavaRDD<double[]> onDisk = cached(StorageLevel.DISK_ONLY());
    try {
      Optional<String> warning = DataWarnings.spilled(onDisk);
      assertTrue(warning.isPresent());
      assertTrue(warning.get().contains("read from disk every iteration")
          && warning.get().contains("SPARKGD_DRIVER_MEMORY=")
          && warning.get().contains("--executor-memory"), warning.get());
    } finally {
      onDisk.unpersist(true);
    }
  }

  @Test
  void rowsCachedInMemoryAreNoWarning() {
    JavaRDD<double[]> inMemory = cached(StorageLevel.MEMORY_AND_DISK());
    try {
      assertEquals(Optional.empty(), DataWarnings.spilled(inMemory));
    } finally {
      inMemory.unpersist(true);
    }
  }
}
