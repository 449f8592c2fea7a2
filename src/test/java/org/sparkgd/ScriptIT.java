package org.sparkgd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/sparkgd as a user runs it: a separate JVM, the packaged jar, the shipped config. Each
 * test's run is a process of its own (its exit code, its standard error), all started at once.
 * The sample fit is {@link ResultsScriptIT}'s; a fit refused for its memory, {@link MemoryLimitIT}.
 */
class ScriptIT {
  private static final Duration LIMIT = Duration.ofSeconds(180);

  @TempDir
  static Path dir;
  static ScriptProcess mistake;
  static ScriptProcess help;

  @BeforeAll
  static void start() throws IOException {
    Path csv = Files.writeString(dir.resolve("bad.csv"), "a,b\n1,2\n3,x\n");
    mistake = ScriptProcess.startSparkgd(dir, "mistake", "fit", "--input", csv.toString(),
        "--label", "b", "--features", "a", "--output", dir.resolve("out").toString());
    help = ScriptProcess.startSparkgd(dir, "help", "fit", "--help");
  }

  @AfterAll
  static void stop() {
    mistake.close();
    help.close();
  }

  @Test
  void aUserMistakeIsOneLineWithoutAStackTrace() throws Exception {
    ScriptProcess.Result run = mistake.await(LIMIT);
    assertEquals(3, run.exitCode());
    List<String> errors = run.err().lines().filter(l -> !l.matches("\\d\\d:\\d\\d:\\d\\d INFO .*"))
        .toList();
    assertEquals(1, errors.size(), "one line besides progress: " + run.err());
    assertTrue(errors.get(0).startsWith("sparkgd: error: ")
        && errors.get(0).contains("bad.csv, line 3, column 'b': 'x' is not a number"), run.err());
    assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
    assertTrue(Files.readString(dir.resolve("logs-mistake/sparkgd.log")).contains("UserError"),
        "the trace is kept in the log");
  }

  @Test
  void helpRunsWithoutSpark() throws Exception {
    ScriptProcess.Result run = help.await(LIMIT);
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("--learning-rate"), run.out());
  }
}
