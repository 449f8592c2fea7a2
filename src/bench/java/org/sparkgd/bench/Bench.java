package org.sparkgd.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sparkgd.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code scripts/bench}: generates and caches the data once, then runs the selected parts of the
 * benchmark in one JVM and prints (and writes) the Markdown report.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
    showDefaultValues = true,
    description = "Benchmark sparkgd's iterations against MLlib and against a plain Java loop "
        + "over the same cached arrays, on generated advertising data (3 features).",
    footer = {"", "Parts: batch, minibatch, mllib-sgd, mllib-lr, roofline, storage, end-to-end "
        + "(together: table), breakdown, memory; all: every part so far; width (a pass at "
        + "several widths, its own data); processes (whole fresh sparkgd fit processes, apart: "
        + "it is slow); exact (sparkgd --solver normal against MLlib's normal solver as "
        + "processes, alone); ingest (reading and caching against Spark's own, fresh "
        + "processes, apart).",
        "scripts/bench also takes --driver-memory SIZE, the JVM heap (default 8g)."})
public final class Bench implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(Bench.class);

  @Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--rows", paramLabel = "N", defaultValue = "10000000",
      description = "Rows of generated data.")
  long rows;

  @Option(names = "--partitions", paramLabel = "P", defaultValue = "0",
      description = "Partitions of the generated data (0: one per core).")
  int partitions;

  @Option(names = "--repetitions", paramLabel = "R", defaultValue = "10",
      description = "Timed repetitions of each iteration measurement.")
  int repetitions;

  @Option(names = "--warmup", paramLabel = "W", defaultValue = "3",
      description = "Untimed runs before each measurement (at most 1 for the long ones).")
  int warmup;

  @Option(names = "--fit-repetitions", paramLabel = "R", defaultValue = "3",
      description = "Timed repetitions of the whole fits (ml.LinearRegression, end to end).")
  int fitRepetitions;

  @Option(names = "--parts", paramLabel = "LIST", defaultValue = "table",
      description = "Comma-separated parts to run (see below).")
  String parts;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
      description = "Seed of the generated rows.")
  long seed;

  @Option(names = "--tree-depth", paramLabel = "D", defaultValue = "0",
      description = "sparkgd's --tree-depth (0: auto).")
  int treeDepth;

  @Option(names = "--sgd-iterations", paramLabel = "A,B", defaultValue = "2,7", split = ",",
      description = "Lengths of MLlib's short and long runs; their difference gives the "
          + "per-iteration time.")
  int[] sgdIterations;

  @Option(names = "--end-to-end-rows", paramLabel = "N", defaultValue = "0",
      description = "Rows of the end-to-end CSV (0: --rows).")
  long endToEndRows;

  @Option(names = "--end-to-end-tolerance", paramLabel = "T", defaultValue = "1e-9",
      description = "Relative cost change at which both end-to-end fits stop (also the "
          + "tolerance of the ml.LinearRegression fits of the table).")
  double endToEndTolerance;

  @Option(names = "--memory-iterations", paramLabel = "N", defaultValue = "10000",
      description = "Iterations of the memory part.")
  long memoryIterations;

  @Option(names = "--scratch", paramLabel = "DIR", defaultValue = "${java.io.tmpdir}",
      description = "Where the end-to-end CSV is written (and deleted afterwards).")
  Path scratch;

  @Option(names = "--process-rows", paramLabel = "N", defaultValue = "0",
      description = "Rows of the processes part's files (0: --rows).")
  long processRows;

  @Option(names = "--process-iterations", paramLabel = "N", defaultValue = "100",
      description = "Iterations of each fit of the processes part.")
  int processIterations;

  @Option(names = "--process-formats", paramLabel = "LIST", defaultValue = "csv,parquet",
      split = ",", description = "Input formats of the processes part.")
  List<String> processFormats;

  @Option(names = "--process-fractions", paramLabel = "LIST", defaultValue = "0.1,0.01,0.001",
      split = ",", description = "Mini-batch fractions of the processes part, timed besides "
      + "batch.")
  List<Double> processFractions;

  @Option(names = "--process-repetitions", paramLabel = "R", defaultValue = "1",
      description = "Processes per fit of the processes part; the one with the median "
      + "per-iteration median is reported.")
  int processRepetitions;

  @Option(names = "--process-mllib", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Also time MLlib's runMiniBatchSGD as whole processes (--no-process-mllib: "
      + "not, e.g. at 1e8 rows, where its cached rows outgrow the machine's memory).")
  boolean processMllib;

  @Option(names = "--process-mllib-fractions", paramLabel = "LIST", defaultValue = "1.0,0.01",
      split = ",", description = "Mini-batch fractions of MLlib's processes (processes part), "
      + "one process each.")
  List<Double> processMllibFractions;

  @Option(names = "--floor-jobs", paramLabel = "N", defaultValue = "100",
      description = "Jobs of the empty-job floor's process (processes part); the median is of "
      + "jobs 10–N.")
  int floorJobs;

  @Option(names = "--width-cells", paramLabel = "N", defaultValue = "30000000",
      description = "Rows × features of each width's generated data (width part).")
  long widthCells;

  @Option(names = "--widths", paramLabel = "LIST", defaultValue = "3,30,300,1000", split = ",",
      description = "Feature counts of the width part.")
  List<Integer> widths;

  @Option(names = "--ingest-rows", paramLabel = "LIST", defaultValue = "1000000,10000000",
      split = ",", description = "Row counts of the ingest part's files.")
  List<Long> ingestRows;

  @Option(names = "--sparkgd", paramLabel = "PATH",
      defaultValue = "${sys:sparkgd.root:-.}/scripts/sparkgd",
      description = "The sparkgd script the processes part runs.")
  Path sparkgd;

  @Option(names = "--output", paramLabel = "FILE",
      description = "Also write the Markdown report here (e.g. docs/benchmark-1e7.md).")
  Path output;

  @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]",
      description = "Spark master; the roofline part needs local mode.")
  String master;

  private final SparkSession given;
  private final String[] args;

  private Bench(SparkSession given, String[] args) {
    this.given = given;
    this.args = args.clone();
  }

  public static void main(String[] args) {
    System.exit(execute(args, null, new PrintWriter(System.out, true),
        new PrintWriter(System.err, true)));
  }

  /**
   * Runs one command line and returns its exit code.
   *
   * @param session the session to run in (left open), or null to open one for {@code --master}
   */
  public static int execute(String[] args, SparkSession session, PrintWriter out,
      PrintWriter err) {
    return new CommandLine(new Bench(session, args))
        .setOut(out)
        .setErr(err)
        .setExecutionExceptionHandler((e, line, parsed) -> {
          UserError user = UserError.findIn(e);
          if (user != null) {
            line.getErr().println("bench: error: " + user.getMessage());
            return user.exitCode();
          }
          LOG.error("Internal error", e);
          line.getErr().println("bench: internal error: " + e);
          return 1;
        })
        .execute(args);
  }

  @Option(names = "--exact-sizes", paramLabel = "LIST", split = ",",
      defaultValue = "20000x1000,100000x100",
      description = "Files (rows x features) of the exact part.")
  List<String> exactSizes;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (Part.parse(parts).contains(Part.EXACT)) {
      return exact();
    }
    BenchSettings settings = settings();
    SparkSession spark = given != null ? given : open(master);
    try {
      Results results = BenchRun.run(spark, settings);
      return publish(Report.markdown(results, settings,
          "scripts/bench " + String.join(" ", args)));
    } finally {
      if (given == null) {
        spark.stop();
      }
    }
  }

  /** The exact part alone: it starts its own processes and needs no session here. */
  private int exact() throws IOException, InterruptedException {
    if (!Part.parse(parts).equals(java.util.EnumSet.of(Part.EXACT))) {
      throw UserError.usage("--parts exact runs alone (it times whole processes)");
    }
    return publish(ExactSolve.markdown(ExactSolve.run(exactSizes, sparkgd, scratch),
        "scripts/bench " + String.join(" ", args)));
  }

  /** Prints the report, and writes it with --output. */
  private int publish(String report) throws IOException {
    spec.commandLine().getOut().print(report);
    spec.commandLine().getOut().flush();
    if (output != null) {
      write(output, report);
    }
    return 0;
  }

  private BenchSettings settings() {
    if (sgdIterations.length != 2) {
      throw UserError.usage("--sgd-iterations takes two lengths, e.g. 2,7");
    }
    Set<Part> selected = Part.parse(parts);
    return new BenchSettings(rows, partitions, repetitions, warmup, fitRepetitions, selected,
        seed, treeDepth, sgdIterations[0], sgdIterations[1], endToEndRows, endToEndTolerance,
        memoryIterations, scratch, output, new BenchSettings.ProcessSettings(
            processRows > 0 ? processRows : rows, processIterations, processFormats,
            processFractions, processRepetitions,
            processMllib ? processMllibFractions : List.of(), floorJobs, sparkgd, ingestRows),
        new BenchSettings.WidthSettings(widthCells, widths));
  }

  private static SparkSession open(String master) {
    return SparkSession.builder().master(master).appName("sparkgd bench")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
  }

  /** Writes beside the target and renames, so a failed run never leaves half a report. */
  private static void write(Path file, String text) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path temporary = parent.resolve("." + file.getFileName() + ".tmp");
    Files.writeString(temporary, text);
    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
    LOG.info("Wrote {}", file);
  }
}
