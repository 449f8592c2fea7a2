package org.sparkgd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Row;
import org.sparkgd.SparkTestSession;

/** Runs the sparkgd command line in this JVM on the shared test session, and reads its outputs. */
public final class CliRunner {
  private static final Sessions SHARED = new Sessions() {
    @Override
    public SparkContext open(String appName, String master) {
      return SparkTestSession.get().sparkContext();
    }

    @Override
    public void close(SparkContext spark) {
      // shared by every test: left running
    }
  };

  private CliRunner() {}

  public record Result(int exitCode, String out, String err) {}

  public static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = SparkGd.execute(args, SHARED, new PrintWriter(out, true),
        new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  /** A fit of {@code sales}-style test data: label y, features x1,x2,x3, plus extra options. */
  public static Result fit(Path input, Path output, String... options) {
    List<String> args = new ArrayList<>(List.of("fit", "--input", input.toString(),
        "--label", "y", "--features", "x1,x2,x3", "--output", output.toString()));
    args.addAll(List.of(options));
    return run(args.toArray(new String[0]));
  }

  /**
   * The default value of a command's option as the command line applies it, e.g. ("fit",
   * "--learning-rate") → "auto".
   */
  public static String defaultOf(String command, String option) {
    picocli.CommandLine.Model.OptionSpec spec = new picocli.CommandLine(new SparkGd(SHARED))
        .getSubcommands().get(command).getCommandSpec().findOption(option);
    String provided = new FitDefaults(new java.util.Properties()).defaultValue(spec);
    return provided != null ? provided : spec.defaultValue();
  }

  public static JsonNode model(Path output) {
    try {
      return new ObjectMapper().readTree(output.resolve("model.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The history rows ordered by iteration. */
  public static List<Row> history(Path output) {
    return SparkTestSession.get().read().parquet(output.resolve("history").toString())
        .orderBy("iteration").collectAsList();
  }

  /** model.json's (intercept, coefficients…) as one array, θ's order. */
  public static double[] interceptAndCoefficients(JsonNode model) {
    double[] beta = doubles(model.get("coefficients"));
    double[] all = new double[beta.length + 1];
    all[0] = model.get("intercept").asDouble();
    System.arraycopy(beta, 0, all, 1, beta.length);
    return all;
  }

  public static double[] doubles(JsonNode array) {
    double[] values = new double[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).asDouble();
    }
    return values;
  }
}
