package org.sparkgd.storage;

import java.io.IOException;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/** Whether a fit's output exists, on any Hadoop file system. */
final class StoredOutputs {
  private StoredOutputs() {}

  static boolean exists(SparkSession spark, String path) throws IOException {
    Path p = new Path(path);
    return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p);
  }
}
