package org.sparkgd.bench;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sparkgd.data.AdvertisingGenerator;

/**
 * Spark's own read of a file, in a fresh JVM, as the reference of the {@code ingest} part:
 * {@code spark.read} (CSV with a header, no schema inference), the label and features cast to
 * double, {@code cache()}, {@code count()}. Prints {@code SPARK_READ_S <seconds> <rows>}.
 * Arguments: the file, its format (csv or parquet).
 */
public final class SparkOwnRead {
  private SparkOwnRead() {}

  public static void main(String[] args) {
    SparkSession spark = SparkSession.builder().master("local[*]").appName("spark own read")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
    try {
      long start = System.nanoTime();
      Dataset<Row> frame = args[1].equals("csv")
          ? spark.read().option("header", "true").csv(args[0]) : spark.read().parquet(args[0]);
      List<Column> columns = new java.util.ArrayList<>();
      for (String name : AdvertisingGenerator.FEATURES) {
        columns.add(col(name).cast("double"));
      }
      columns.add(col(AdvertisingGenerator.LABEL).cast("double"));
      Dataset<Row> cached = frame.select(columns.toArray(new Column[0])).cache();
      long rows = cached.count();
      System.out.println("SPARK_READ_S " + (System.nanoTime() - start) / 1e9 + " " + rows);
    } finally {
      spark.stop();
    }
  }
}
