package org.sparkgd.data;

import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Spark SQL's session on a command's SparkContext, made when first asked for. A command starts
 * a SparkContext only: a fit of a CSV, or of plain Parquet columns, runs no Spark SQL, and a
 * session costs about 0.7 s of a fresh process (Scala reflection finding the session class,
 * SQL's function registry: docs/speed.md).
 */
public final class SqlSession {
  private SqlSession() {}

  /** The session on {@code context}: the active one, else a new one. */
  public static SparkSession of(SparkContext context) {
    // sparkContext(...) puts the session on the running context, as Spark's own SQLContext
    // does; without it, getOrCreate warns that settings "may not take effect". It is
    // private[spark] in Scala, public in the bytecode of every Spark line built here (3.5,
    // 4.1, 4.2; SparkLineIT runs each).
    return SparkSession.builder().sparkContext(context).getOrCreate();
  }
}
