package org.sparkgd.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.sparkgd.config.BadRowPolicy;
import org.sparkgd.config.InputFormat;
import org.sparkgd.config.InputSource;
import org.sparkgd.config.InputSpec;
import org.sparkgd.data.AdvertisingGenerator;
import org.sparkgd.data.TrainingData;

/**
 * The {@code processes} part: what users run. Writes the data with {@code sparkgd generate}
 * (one CSV file, and Parquet as generate writes it), then times whole fresh
 * {@code scripts/sparkgd fit} processes on each file with default partitioning, batch and
 * mini-batch; beside them, in the same run, the roofline loop over the same rows (in this
 * JVM), Spark's empty-job floor in a fresh JVM, and MLlib's {@code runMiniBatchSGD} as whole
 * processes on the same files.
 */
final class FreshProcesses {
  /**
   * @param fits per file format, batch then each fraction
   * @param floorJobs the floor process's jobs (its median is of jobs 10–floorJobs)
   * @param mllib per format and MLlib fraction → {per-iteration ms, wall s}
   * @param sample the README's first command: the 5,000-row sample fit, default options
   */
  record Result(long rows, int iterations, int threads, List<FitProcess> fits,
      Timing roofline, double[] floor, int floorJobs, Map<String, double[]> mllib,
      double csvMiB, FitProcess sample, int repetitions) {}

  /** The README's sample data, from the project root (the script's, or the working folder). */
  static final Path SAMPLE = Path.of(System.getProperty("sparkgd.root", "."), "sample-data",
      "advertising.csv");

  private FreshProcesses() {}

  static Result run(SparkSession spark, BenchSettings.ProcessSettings settings, Path scratch,
      int repetitions) throws IOException, InterruptedException {
    Path sparkgd = settings.sparkgd();
    long rows = settings.rows();
    int iterations = settings.iterations();
    List<Double> fractions = settings.fractions();
    Path dir = Files.createTempDirectory(scratch, "sparkgd-processes-");
    Processes.prepareClassArchive(sparkgd, dir);
    List<FitProcess> fits = new ArrayList<>();
    Map<String, double[]> mllib = new java.util.LinkedHashMap<>();
    double csvMiB = 0;
    String firstFile = null;
    for (String format : settings.formats()) {
      Path file = dir.resolve("advertising." + format);
      List<String> generate = new ArrayList<>(List.of(sparkgd.toString(), "generate", "--rows",
          Long.toString(rows), "--format", format, "--output", file.toString()));
      if (format.equals("csv")) {
        generate.add("--single-file");
      }
      Processes.run(generate, Map.of("SPARKGD_LOG_DIR", dir.resolve("logs").toString()),
          dir.resolve("generate-" + format + ".txt"));
      if (format.equals("csv")) {
        csvMiB = Files.size(file) / 1048576.0;
      }
      firstFile = firstFile == null ? file.toString() : firstFile;
      for (int m = 0; m <= fractions.size(); m++) {
        String mode = m == 0 ? "batch" : "minibatch " + fractions.get(m - 1);
        List<String> args = new ArrayList<>(List.of("--input", file.toString(), "--label",
            AdvertisingGenerator.LABEL, "--features",
            String.join(",", AdvertisingGenerator.FEATURES), "--learning-rate", "0.1",
            "--tolerance", "0", "--max-iterations", Integer.toString(iterations), "--output",
            dir.resolve("fit").toString(), "--overwrite"));
        if (m > 0) {
          args.addAll(List.of("--mode", "minibatch", "--batch-fraction",
              Double.toString(fractions.get(m - 1))));
        }
        List<FitProcess> runs = new ArrayList<>();
        for (int k = 0; k < settings.repetitions(); k++) {
          runs.add(FitProcess.run(spark, sparkgd, format + ", " + mode, args,
              dir.resolve("fit"), dir.resolve("logs-" + format + "-" + m + "-" + k)));
        }
        fits.add(median(runs, iterations));
      }
      for (double fraction : settings.mllibFractions()) {
        Path console = dir.resolve("mllib-" + format + "-" + fraction + ".txt");
        long start = System.currentTimeMillis();
        Processes.run(Processes.java(MllibProcess.class, file.toString(),
            Double.toString(fraction), "10", Integer.toString(10 + iterations)), Map.of(),
            console);
        double wall = (System.currentTimeMillis() - start) / 1e3;
        mllib.put(format + ", " + fraction, new double[] {
            Processes.numbersAfter(console, "MLLIB_MS")[0], wall});
      }
    }
    FitProcess sample = FitProcess.run(spark, sparkgd, "sample fit (README)", List.of("--input",
        SAMPLE.toString(), "--label", "sales", "--features", "TV,radio,newspaper", "--output",
        dir.resolve("sample").toString()), dir.resolve("sample"), dir.resolve("logs-sample"));
    Path floorConsole = dir.resolve("floor.txt");
    Processes.run(Processes.java(EmptyJobFloor.class, Integer.toString(settings.floorJobs())),
        Map.of(), floorConsole);
    double[] floor = Processes.numbersAfter(floorConsole, "FLOOR_MS");
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Timing roofline;
    InputSpec spec = new InputSpec(new InputSource(firstFile, InputFormat.AUTO, ','),
        AdvertisingGenerator.LABEL, AdvertisingGenerator.FEATURES, 0, BadRowPolicy.FAIL);
    try (TrainingData data = TrainingData.load(spark.sparkContext(), spec);
        Roofline loop = Roofline.over(data, jsc.defaultParallelism())) {
      roofline = Timing.measure(3, repetitions, () -> loop.pass(BenchRun.THETA));
    }
    Processes.deleteTree(dir);
    return new Result(rows, iterations, jsc.defaultParallelism(), fits, roofline, floor,
        settings.floorJobs(), mllib, csvMiB, sample, settings.repetitions());
  }

  /** Of repeated processes, the one whose per-iteration median is the median (lower middle). */
  static FitProcess median(List<FitProcess> runs, int iterations) {
    List<FitProcess> sorted = new ArrayList<>(runs);
    sorted.sort(java.util.Comparator.comparingDouble(f -> f.median(iterations)));
    return sorted.get((sorted.size() - 1) / 2);
  }
}
