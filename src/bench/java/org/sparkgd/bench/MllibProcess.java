package org.sparkgd.bench;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.mllib.optimization.GradientDescent;
import org.apache.spark.mllib.optimization.LeastSquaresGradient;
import org.apache.spark.mllib.optimization.SimpleUpdater;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.sparkgd.data.AdvertisingGenerator;
import org.sparkgd.job.GenerateJob;
import scala.Tuple2;

/**
 * MLlib's {@code runMiniBatchSGD} as a user runs it, in its own fresh JVM ({@code main}): read
 * the file with Spark's reader (CSV or Parquet, default partitioning), standardize the features
 * with {@code StandardScaler}, cache (label, (z, 1)), run a short descent untimed, then a short
 * and a long one timed. Prints
 * {@code MLLIB_MS <per-iteration> <short run> <long run>}; the per-iteration time is the
 * difference of the two runs over the difference of their lengths, so the fixed cost cancels.
 */
final class MllibProcess {
  private MllibProcess() {}

  /** Arguments: file, fraction, short run, long run. */
  public static void main(String[] args) {
    String file = args[0];
    double fraction = Double.parseDouble(args[1]);
    int shortRun = Integer.parseInt(args[2]);
    int longRun = Integer.parseInt(args[3]);
    SparkSession spark = SparkSession.builder().master("local[*]").appName("mllib sgd")
        .config("spark.ui.showConsoleProgress", "false").getOrCreate();
    try {
      Dataset<Row> rows = file.endsWith(".parquet") ? spark.read().parquet(file)
          : spark.read().option("header", "true").schema(GenerateJob.schema()).csv(file);
      Dataset<Row> assembled = new VectorAssembler()
          .setInputCols(AdvertisingGenerator.FEATURES.toArray(String[]::new))
          .setOutputCol("raw").transform(rows);
      Dataset<Row> scaled = new StandardScaler().setWithMean(true).setWithStd(true)
          .setInputCol("raw").setOutputCol("z").fit(assembled).transform(assembled);
      JavaRDD<Tuple2<Object, Vector>> pairs = scaled.select(AdvertisingGenerator.LABEL, "z")
          .javaRDD().map(r -> {
            double[] z = ((org.apache.spark.ml.linalg.Vector) r.get(1)).toArray();
            double[] v = java.util.Arrays.copyOf(z, z.length + 1);
            v[z.length] = 1.0;
            return new Tuple2<Object, Vector>(r.getDouble(0), Vectors.dense(v));
          });
      pairs.persist(StorageLevel.MEMORY_ONLY()).count();
      int weights = AdvertisingGenerator.FEATURES.size() + 1;
      run(pairs, fraction, shortRun, weights); // warm-up: the first jobs compile and load
      double shortMillis = run(pairs, fraction, shortRun, weights);
      double longMillis = run(pairs, fraction, longRun, weights);
      System.out.printf(java.util.Locale.ROOT, "MLLIB_MS %.4f %.1f %.1f%n",
          (longMillis - shortMillis) / (longRun - shortRun), shortMillis, longMillis);
    } finally {
      spark.stop();
    }
  }

  private static double run(JavaRDD<Tuple2<Object, Vector>> pairs, double fraction,
      int iterations, int weights) {
    long start = System.nanoTime();
    GradientDescent.runMiniBatchSGD(pairs.rdd(), new LeastSquaresGradient(), new SimpleUpdater(),
        0.1, iterations, 0.0, fraction, Vectors.zeros(weights), 0.0);
    return (System.nanoTime() - start) / 1e6;
  }
}
