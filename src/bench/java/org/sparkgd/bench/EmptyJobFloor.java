package org.sparkgd.bench;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Spark's own floor for one iteration, run as its own fresh JVM ({@code main}): a single-stage
 * job over 2 cached partitions that reads a broadcast and sums one double per partition, the
 * broadcast destroyed after each job. Prints one line, {@code FLOOR_MS <median> <p90>}, over
 * jobs 10–{@code jobs}. Arguments: the job count, then Spark settings as {@code key=value}.
 */
final class EmptyJobFloor {
  private EmptyJobFloor() {}

  public static void main(String[] args) {
    int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    SparkSession.Builder builder = SparkSession.builder().master("local[*]")
        .appName("empty-job floor").config("spark.ui.showConsoleProgress", "false");
    for (int k = 1; k < args.length; k++) {
      String[] setting = args[k].split("=", 2);
      builder.config(setting[0], setting[1]);
    }
    SparkSession spark = builder.getOrCreate();
    try {
      JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      JavaRDD<Double> cached = jsc.parallelize(List.of(1.0, 2.0), 2)
          .persist(StorageLevel.MEMORY_AND_DISK());
      cached.count();
      double[] millis = new double[jobs];
      for (int k = 0; k < jobs; k++) {
        long start = System.nanoTime();
        Broadcast<double[]> theta = jsc.broadcast(new double[] {k, 1, 2, 3});
        cached.mapPartitions(it -> {
          double sum = theta.value()[0];
          while (it.hasNext()) {
            sum += it.next();
          }
          return List.of(sum).iterator();
        }).collect();
        theta.destroy();
        millis[k] = (System.nanoTime() - start) / 1e6;
      }
      double[] tail = Arrays.copyOfRange(millis, Math.min(9, jobs - 1), jobs);
      System.out.printf(java.util.Locale.ROOT, "FLOOR_MS %.4f %.4f%n", Stats.median(tail),
          Stats.quantile(tail, 0.9));
    } finally {
      spark.stop();
    }
  }
}
