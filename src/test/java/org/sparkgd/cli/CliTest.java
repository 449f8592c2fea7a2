package org.sparkgd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkgd.TestData;
import org.sparkgd.UserError;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

class CliTest {
  @TempDir
  static Path dir;
  static Path csv;

  @BeforeAll
  static void write() {
    csv = TestData.generate(500, 3).writeCsv(dir.resolve("data.csv"));
  }

  private static void assertOneLine(String err) {
    assertEquals(1, err.strip().lines().count(), "expected one line: " + err);
    assertFalse(err.contains("\tat "), "no stack trace: " + err);
  }

  @Test
  void aTooLargeLearningRateDivergesKeepsTheHistoryAndExitsNonZero() {
    Path output = dir.resolve("diverged");
    CliRunner.Result r = CliRunner.fit(csv, output, "--learning-rate", "5");
    assertEquals(4, r.exitCode());
    assertTrue(r.err().contains("diverged") && r.err().contains("--learning-rate 0.5"), r.err());
    assertEquals("diverged", CliRunner.model(output).get("stop_reason").asText());
    List<Row> history = CliRunner.history(output);
    assertTrue(history.size() >= 2 && history.size() < 50, "rows: " + history.size());
    assertEquals(CliRunner.model(output).get("iterations").asLong() + 1, history.size());
  }

  @Test
  void aMissingColumnNamesItTheClosestMatchAndTheColumns() {
    CliRunner.Result r = CliRunner.run("fit", "--input", csv.toString(), "--label", "y",
        "--features", "x1,X22", "--output", dir.resolve("missing").toString());
    assertEquals(UserError.EXIT_CODE, r.exitCode());
    assertOneLine(r.err());
    assertTrue(r.err().contains("no column 'X22' (did you mean 'x2'?)"), r.err());
    assertTrue(r.err().contains("the columns are: id, x1, x2, x3, y"), r.err());
    assertFalse(Files.exists(dir.resolve("missing")));
  }

  @Test
  void badOptionValuesAreUsageErrors() {
    for (String[] bad : List.of(new String[] {"--learning-rate", "-1"},
        new String[] {"--mode", "sideways"}, new String[] {"--batch-fraction", "1.5"},
        new String[] {"--max-iterations", "ten"}, new String[] {"--delimiter", "ab"})) {
      Path output = dir.resolve("bad-" + bad[0].substring(2));
      CliRunner.Result r = CliRunner.fit(csv, output, bad);
      assertEquals(UserError.USAGE_EXIT_CODE, r.exitCode(), String.join(" ", bad) + r.err());
      assertTrue(r.err().contains(bad[0]), r.err());
      assertFalse(Files.exists(output));
    }
    CliRunner.Result missing = CliRunner.run("fit", "--input", csv.toString());
    assertEquals(UserError.USAGE_EXIT_CODE, missing.exitCode());
    assertOneLine(missing.err());
  }

  @Test
  void everyUsageErrorIsOneLineWithAPointerToHelp() {
    for (String[] bad : List.of(new String[] {"fit", "--learnig-rate", "0.1"},
        new String[] {"fit", "--mode", "foo"}, new String[] {"fit", "--label"},
        new String[] {"fit", "--max-iterations", "ten"}, new String[] {"predict", "--model"},
        new String[] {"plot", "--width", "1.5"}, new String[] {"frobnicate"})) {
      CliRunner.Result r = CliRunner.run(bad);
      String line = String.join(" ", bad);
      assertEquals(UserError.USAGE_EXIT_CODE, r.exitCode(), line + ": " + r.err());
      assertOneLine(r.err());
      assertTrue(r.err().startsWith("sparkgd: error: "), line + ": " + r.err());
      String command = bad[0].equals("frobnicate") ? "sparkgd" : "sparkgd " + bad[0];
      assertTrue(r.err().strip().endsWith("; see '" + command + " --help'"), r.err());
      assertEquals("", r.out(), "no usage text on standard output");
    }
    CliRunner.Result typo = CliRunner.run("fit", "--learnig-rate", "0.1");
    assertTrue(typo.err().contains("'--learnig-rate'")
        && typo.err().contains("did you mean --learning-rate?"), typo.err());
    CliRunner.Result mode = CliRunner.run("fit", "--mode", "foo");
    assertTrue(mode.err().contains("--mode") && mode.err().contains("'foo'"), mode.err());
  }

  @Test
  void anExistingOutputIsRefusedAndLeftAlone() throws IOException {
    Path output = Files.createDirectories(dir.resolve("existing"));
    Path keep = Files.writeString(output.resolve("keep.txt"), "last week's model");
    CliRunner.Result r = CliRunner.fit(csv, output);
    assertEquals(UserError.EXIT_CODE, r.exitCode());
    assertOneLine(r.err());
    assertTrue(r.err().contains("already exists") && r.err().contains("--overwrite"), r.err());
    assertEquals("last week's model", Files.readString(keep));
  }

  @Test
  void overwriteReplacesTheOutputOnlyWithAComplete() throws IOException {
    Path output = Files.createDirectories(dir.resolve("replaced"));
    Files.writeString(output.resolve("old.txt"), "old");
    CliRunner.Result r = CliRunner.fit(csv, output, "--overwrite", "--max-iterations", "5");
    assertEquals(0, r.exitCode(), r.err());
    assertFalse(Files.exists(output.resolve("old.txt")));
    assertTrue(Files.exists(output.resolve("model.json")));
    try (var siblings = Files.list(dir)) {
      assertTrue(siblings.noneMatch(p -> p.getFileName().toString().contains("sparkgd-")),
          "no staging folders left behind");
    }
  }

  @Test
  void aFailedOverwriteLeavesTheOldOutputIntact() throws IOException {
    Path output = dir.resolve("kept");
    assertEquals(0, CliRunner.fit(csv, output, "--max-iterations", "3").exitCode());
    String model = Files.readString(output.resolve("model.json"));
    Path bad = TestData.write(dir.resolve("bad-for-overwrite.csv"),
        List.of("id,x1,x2,x3,y", "0,1,2,3,4", "1,1,2,3,?"));
    CliRunner.Result r = CliRunner.fit(bad, output, "--overwrite");
    assertEquals(UserError.EXIT_CODE, r.exitCode());
    assertEquals(model, Files.readString(output.resolve("model.json")));
    try (var siblings = Files.list(dir)) {
      assertTrue(siblings.noneMatch(p -> p.getFileName().toString().contains("sparkgd-")));
    }
  }

  @Test
  void aBadCellNamesTheFileLineAndColumn() {
    Path bad = TestData.write(dir.resolve("bad.csv"),
        List.of("id,x1,x2,x3,y", "0,1,2,3,4", "1,1,2,3,4", "2,1,two,3,4"));
    CliRunner.Result r = CliRunner.fit(bad, dir.resolve("bad-out"));
    assertEquals(UserError.EXIT_CODE, r.exitCode());
    assertOneLine(r.err());
    assertTrue(r.err().contains("bad.csv, line 4, column 'x2': 'two' is not a number"), r.err());
    assertFalse(Files.exists(dir.resolve("bad-out")));
  }

  @Test
  void helpExplainsEveryOptionWithItsDefault() {
    CliRunner.Result r = CliRunner.run("fit", "--help");
    assertEquals(0, r.exitCode());
    CommandLine fit = new CommandLine(new SparkGd(null)).getSubcommands().get("fit");
    for (OptionSpec option : fit.getCommandSpec().options()) {
      assertTrue(r.out().contains(option.longestName()), option.longestName());
      if (option.usageHelp() || option.versionHelp()) {
        continue;
      }
      if (option.arity().max() == 0) {
        assertTrue(String.join(" ", option.description()).contains("by default"),
            option.longestName() + " says what happens by default");
      } else if (option.defaultValue() != null) {
        assertTrue(r.out().contains("Default: " + option.defaultValue()),
            option.longestName() + " default");
      }
    }
  }

  @Test
  void theShippedConfigFileHoldsTheBuiltInDefaults() throws IOException {
    Properties shipped = new Properties();
    try (FileInputStream in = new FileInputStream("conf/sparkgd.properties")) {
      shipped.load(in);
    }
    CommandLine fit = new CommandLine(new SparkGd(null)).getSubcommands().get("fit");
    assertFalse(shipped.isEmpty());
    for (String key : shipped.stringPropertyNames()) {
      OptionSpec option = fit.getCommandSpec().findOption("--" + key);
      assertTrue(option != null, "unknown key " + key);
      assertEquals(CliRunner.defaultOf("fit", "--" + key), shipped.getProperty(key), key);
    }
  }

  @Test
  void aConfigFileSetsDefaultsThatOptionsOverride() throws IOException {
    Path conf = Files.writeString(dir.resolve("my.properties"),
        "learning-rate = 0.2\nmax-iterations = 3\ntolerance = 0\n");
    Path output = dir.resolve("configured");
    CliRunner.Result r = CliRunner.fit(csv, output, "--config", conf.toString(),
        "--max-iterations", "4");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(0.2,
        CliRunner.model(output).get("config").get("learning_rates").get(0).asDouble(), 0);
    assertEquals(4, CliRunner.model(output).get("iterations").asInt());
  }

  @Test
  void aConfigFileWithAnUnknownKeyIsRefused() throws IOException {
    Path conf = Files.writeString(dir.resolve("typo.properties"), "learning_rate = 0.2\n");
    CliRunner.Result r = CliRunner.fit(csv, dir.resolve("typo"), "--config", conf.toString());
    assertEquals(UserError.USAGE_EXIT_CODE, r.exitCode());
    assertOneLine(r.err());
    assertTrue(r.err().contains("unknown key 'learning_rate'"), r.err());
  }
}
