package org.sparkgd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/sparkgd on a heap too small for the input's cache: refused before reading. */
class MemoryLimitIT {
  @TempDir
  Path dir;

  @Test
  void aLocalFitWhoseCacheCannotFitIsRefusedInOneLineBeforeReading() throws Exception {
    // 3·10⁶ rows × 4 doubles = 92 MiB of cache from a small file (its columns are constant),
    // twice that while it is built, against the ~127 MiB of storage memory of a 512 MiB heap.
    Path input = dir.resolve("rows.parquet");
    SparkTestSession.get().range(3_000_000).selectExpr("1.0d as x1", "2.0d as x2", "3.0d as x3",
        "4.0d as y").coalesce(1).write().parquet(input.toString());
    Path output = dir.resolve("fit");
    ScriptProcess.Result run;
    try (ScriptProcess process = ScriptProcess.start(dir, "sparkgd",
        Map.of("SPARKGD_LOG_DIR", dir.resolve("logs").toString(),
            "SPARKGD_DRIVER_MEMORY", "512m"),
        "sparkgd", "fit", "--input", input.toString(), "--label", "y", "--features",
        "x1,x2,x3", "--output", output.toString())) {
      run = process.await(Duration.ofSeconds(240));
    }
    assertEquals(3, run.exitCode(), run.err());
    List<String> errors = run.err().lines()
        .filter(l -> !l.matches("\\d\\d:\\d\\d:\\d\\d INFO .*")).toList();
    assertEquals(1, errors.size(), "one line besides progress: " + run.err());
    assertTrue(errors.get(0).matches("sparkgd: error: .*rows\\.parquet: the cache needs 91\\.6"
        + " MiB \\(3,000,000 rows × 4 columns\\), twice that while it is built from the "
        + "input's copy, but this local driver has \\d+\\.\\d MiB of storage memory \\(of a "
        + "\\d+\\.\\d MiB heap\\); set SPARKGD_DRIVER_MEMORY=1g \\(spark-submit: "
        + "--driver-memory 1g\\)"), errors.get(0));
    // Sized before reading: the cache's line is the last progress, no reading job ran.
    List<String> progress = run.err().lines().filter(l -> l.contains(" INFO ")).toList();
    assertTrue(progress.get(progress.size() - 1).contains("INFO  Cache: 3,000,000 rows × 4 "
        + "columns"), run.err());
    assertFalse(Files.exists(output), "no output");
    try (var files = Files.list(dir)) {
      assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith(".fit")),
          "no staging folder");
    }
  }
}
