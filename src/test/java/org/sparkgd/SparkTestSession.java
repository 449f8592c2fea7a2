package org.sparkgd;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One local Spark session for the whole test JVM (starting one takes seconds): two cores, no
 * UI, few shuffle partitions. Spark's own shutdown hook stops it when the JVM exits.
 */
public final class SparkTestSession {
  private static SparkSession session;

  private SparkTestSession() {}

  public static synchronized SparkSession get() {
    if (session == null || session.sparkContext().isStopped()) {
      session = SparkSession.builder()
          .master("local[2]")
          .appName("sparkgd-tests")
          .config("spark.ui.enabled", "false")
          .config("spark.ui.showConsoleProgress", "false")
          .config("spark.sql.shuffle.partitions", "2")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .getOrCreate();
    }
    return session;
  }

  /** A CSV file (or folder) with a header, its column types inferred, as a DataFrame. */
  public static Dataset<Row> csv(String path) {
    return get().read().option("header", "true").option("inferSchema", "true").csv(path);
  }

  /** The CSV file {@code csv} (with a header) written as Parquet to {@code parquet}. */
  public static java.nio.file.Path csvAsParquet(java.nio.file.Path csv,
      java.nio.file.Path parquet) {
    csv(csv.toString()).write().parquet(parquet.toString());
    return parquet;
  }

  public static JavaSparkContext jsc() {
    return JavaSparkContext.fromSparkContext(get().sparkContext());
  }
}
