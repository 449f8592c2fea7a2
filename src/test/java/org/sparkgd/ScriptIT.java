package org.sparkgd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/sparkgd as a user runs it: a separate JVM, the packaged jar, the shipped config. */
class ScriptIT {
  private static final Path HOME = ScriptProcess.HOME;

  @TempDir
  Path dir;

  private ScriptProcess.Result sparkgd(String... args) throws InterruptedException {
    return ScriptProcess.sparkgd(dir, args);
  }

  @Test
  void fitsTheSampleDataAsTheReadmeShows() throws Exception {
    Path output = dir.resolve("fit");
    ScriptProcess.Result run = sparkgd("fit", "--input", HOME.resolve("sample-data/advertising.csv").toString(),
        "--label", "sales", "--features", "TV,radio,newspaper", "--output", output.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("converged"), run.out());
    assertTrue(run.err().contains("iteration 0/1000"), "progress is logged: " + run.err());
    JsonNode model = new ObjectMapper().readTree(output.resolve("model.json").toFile());
    // The generator's true coefficients (sample-data/README.md), recovered within the noise.
    double[] truth = {0.046, 0.19, 0.002};
    for (int j = 0; j < 3; j++) {
      assertEquals(truth[j], model.get("coefficients").get(j).asDouble(), 0.005);
    }
    assertEquals("local[*]", model.get("config").get("master").asText());
    assertTrue(new File(output.toFile(), "history").isDirectory());
    assertTrue(Files.size(dir.resolve("logs/sparkgd.log")) > 0);
  }

  @Test
  void aUserMistakeIsOneLineWithoutAStackTrace() throws Exception {
    Path csv = Files.writeString(dir.resolve("bad.csv"), "a,b\n1,2\n3,x\n");
    ScriptProcess.Result run = sparkgd("fit", "--input", csv.toString(), "--label", "b", "--features", "a",
        "--output", dir.resolve("out").toString());
    assertEquals(3, run.exitCode());
    List<String> errors = run.err().lines().filter(l -> !l.matches("\\d\\d:\\d\\d:\\d\\d INFO .*"))
        .toList();
    assertEquals(1, errors.size(), "one line besides progress: " + run.err());
    assertTrue(errors.get(0).startsWith("sparkgd: error: ")
        && errors.get(0).contains("bad.csv, line 3, column 'b': 'x' is not a number"), run.err());
    assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
    assertTrue(Files.readString(dir.resolve("logs/sparkgd.log")).contains("UserError"),
        "the trace is kept in the log");
  }

  @Test
  void helpRunsWithoutSpark() throws Exception {
    ScriptProcess.Result run = sparkgd("fit", "--help");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("--learning-rate"), run.out());
  }
}
