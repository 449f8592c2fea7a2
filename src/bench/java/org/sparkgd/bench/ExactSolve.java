package org.sparkgd.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sparkgd.KnownSolutionCsv;

/**
 * The {@code exact} part: {@code sparkgd fit --solver normal} against MLlib's
 * {@code LinearRegression} with {@code solver=normal} (VectorAssembler), as whole fresh
 * processes in the same run on the same CSV file of n rows × d features with a known
 * least-squares answer ({@link KnownSolutionCsv}); each side's digits are −log10 of its largest
 * relative error against it. A third process fits the file
 * with sparkgd's default options (gradient descent), whose target is that answer to 1e-6.
 */
final class ExactSolve {
  /** Digits a default descent must keep: the least-squares answer to 1e-6, relative. */
  static final double DEFAULT_FIT_DIGITS = 6;
  /**
   * One size: each process's wall seconds and digits kept, sparkgd's {@code --solver normal}
   * and MLlib's, then sparkgd's default descent.
   */
  record Row(long rows, int features, double csvMiB, double sparkgdSeconds,
      double mllibSeconds, double sparkgdDigits, double mllibDigits, double defaultSeconds,
      double defaultDigits) {}

  /** One sparkgd process: its wall seconds and the digits its model.json keeps. */
  private record Fit(double seconds, double digits) {}

  private ExactSolve() {}

  /** @param sizes "nxd" each, e.g. 20000x1000 */
  static List<Row> run(List<String> sizes, Path sparkgd, Path scratch)
      throws IOException, InterruptedException {
    List<Row> rows = new ArrayList<>();
    Path archiveFit = Files.createTempDirectory(scratch, "sparkgd-exact-");
    try {
      Processes.prepareClassArchive(sparkgd, archiveFit);
    } finally {
      Processes.deleteTree(archiveFit);
    }
    for (String size : sizes) {
      String[] nd = size.toLowerCase(Locale.ROOT).split("x");
      long n = (long) Double.parseDouble(nd[0]);
      int d = Integer.parseInt(nd[1]);
      Path dir = Files.createTempDirectory(scratch, "sparkgd-exact-");
      try {
        rows.add(size(sparkgd, dir, n, d));
      } finally {
        Processes.deleteTree(dir);
      }
    }
    return rows;
  }

  /** One size's three processes on one file in {@code dir}. */
  private static Row size(Path sparkgd, Path dir, long n, int d)
      throws IOException, InterruptedException {
    Path csv = dir.resolve("wide.csv");
    KnownSolutionCsv.write(csv, n, d);
    List<String> names = KnownSolutionCsv.names(d);
    Fit exact = fit(sparkgd, csv, names, dir, "normal", "--solver", "normal");
    long start = System.nanoTime();
    Path console = dir.resolve("mllib.txt");
    List<String> mllibArgs = new ArrayList<>(List.of(csv.toString(), "y"));
    mllibArgs.addAll(names);
    Processes.run(Processes.java(MllibNormalProcess.class,
        mllibArgs.toArray(String[]::new)), Map.of(), console);
    double mllibSeconds = (System.nanoTime() - start) / 1e9;
    double[] theirs = Processes.numbersAfter(console, "MLLIB_COEF");
    Fit descent = fit(sparkgd, csv, names, dir, "default");
    return new Row(n, d, Files.size(csv) / 1048576.0, exact.seconds(), mllibSeconds,
        exact.digits(), KnownSolutionCsv.digits(theirs), descent.seconds(), descent.digits());
  }

  /** {@code sparkgd fit} on the file with the given options, into {@code dir/name}. */
  private static Fit fit(Path sparkgd, Path csv, List<String> names, Path dir, String name,
      String... options) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(sparkgd.toString(), "fit", "--input",
        csv.toString(), "--label", "y", "--features", String.join(",", names), "--output",
        dir.resolve(name).toString()));
    command.addAll(List.of(options));
    long start = System.nanoTime();
    Processes.run(command, Map.of("SPARKGD_LOG_DIR", dir.resolve("logs").toString()),
        dir.resolve(name + ".txt"));
    double seconds = (System.nanoTime() - start) / 1e9;
    JsonNode model = new ObjectMapper().readTree(dir.resolve(name + "/model.json").toFile());
    return new Fit(seconds, KnownSolutionCsv.digits(model));
  }

  static String markdown(List<Row> rows, String command) {
    StringBuilder md = new StringBuilder("# Exact solve: sparkgd --solver normal against MLlib "
        + "LinearRegression solver=normal\n\nCommand: `" + command + "`. Whole fresh processes "
        + "in the same run on the same CSV file (known solution), one after the other: sparkgd "
        + "--solver normal, MLlib, then sparkgd with default options (a gradient descent); wall "
        + "seconds from process start to exit. This machine's speed drifts: compare the ratio, "
        + "not the seconds. Digits: −log10 of the largest relative error of intercept and "
        + "coefficients against the file's least-squares answer; the default fit's target is "
        + "that answer to 1e-6 relative (" + (int) DEFAULT_FIT_DIGITS + " digits).\n\n"
        + "| rows | features | CSV MiB | sparkgd s | MLlib s | sparkgd/MLlib | sparkgd digits | "
        + "MLlib digits | default fit s | default fit digits | default fit to 1e-6 |\n"
        + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (Row r : rows) {
      md.append(String.format(Locale.ROOT, "| %d | %d | %.0f | %.1f | %.1f | %.2f× | %.1f | %.1f"
          + " | %.1f | %.1f | %s |%n", r.rows(), r.features(), r.csvMiB(), r.sparkgdSeconds(),
          r.mllibSeconds(), r.sparkgdSeconds() / r.mllibSeconds(), r.sparkgdDigits(),
          r.mllibDigits(), r.defaultSeconds(), r.defaultDigits(),
          r.defaultDigits() >= DEFAULT_FIT_DIGITS ? "yes" : "no"));
    }
    return md.toString();
  }
}
