package org.sparkgd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class archive (scripts/class-archive.sh) as a new build meets it: the first fit makes it,
 * saying so in one line, and the next run maps it: the JVM's class log has Spark's classes
 * from the archive on top of the JDK's ("shared objects file (top)"). The two fits are the
 * same.
 */
class ClassArchiveIT {
  private static final Duration LIMIT = Duration.ofSeconds(180);
  private static final String MAKING = "sparkgd: making the class archive";

  @TempDir
  Path dir;

  private ScriptProcess.Result fit(String name, Map<String, String> env)
      throws InterruptedException {
    Path sample = ScriptProcess.HOME.resolve("sample-data/advertising.csv");
    try (ScriptProcess run = ScriptProcess.start(dir, name, env, "sparkgd", "fit", "--input",
        sample.toString(), "--label", "sales", "--features", "TV,radio,newspaper", "--output",
        dir.resolve(name).toString())) {
      return run.await(LIMIT);
    }
  }

  /** The archive of the default build's jar. */
  private static Path archive() throws IOException {
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(
        ScriptProcess.HOME.resolve("target"), "sparkgd-*.jar")) {
      Path jar = jars.iterator().next();
      return jar.resolveSibling(jar.getFileName().toString().replaceFirst("\\.jar$", ".jsa"));
    }
  }

  @Test
  void theFirstFitMakesTheArchiveAndTheNextRunMapsIt() throws Exception {
    Path archive = archive();
    Files.deleteIfExists(archive);
    Files.deleteIfExists(archive.resolveSibling(archive.getFileName() + ".failed"));
    Map<String, String> on = Map.of("SPARKGD_CLASS_ARCHIVE", "on",
        "SPARKGD_LOG_DIR", dir.resolve("logs").toString());

    ScriptProcess.Result first = fit("first", on);
    assertEquals(0, first.exitCode(), first.err());
    List<String> making = first.err().lines().filter(l -> l.startsWith(MAKING)).toList();
    assertEquals(1, making.size(), first.err());
    assertTrue(Files.size(archive) > 0, archive.toString());

    Path classes = dir.resolve("classes.log");
    // The JVM's own account of the archive, which the script keeps off the terminal: if it
    // does not map the archive, the failure says why.
    Path cds = dir.resolve("cds.log");
    ScriptProcess.Result second = fit("second", Map.of("SPARKGD_CLASS_ARCHIVE", "on",
        "SPARKGD_LOG_DIR", dir.resolve("logs").toString(), "SPARKGD_JAVA_OPTS",
        "-Xlog:class+load=info:file=" + classes + " -Xlog:cds=info:file=" + cds));
    assertEquals(0, second.exitCode(), second.err());
    assertFalse(second.err().contains(MAKING), second.err());
    assertTrue(Files.readString(classes).contains(
        "org.apache.spark.SparkContext source: shared objects file (top)"),
        "SparkContext not from the archive: " + Files.readAllLines(classes).stream()
            .filter(l -> l.contains("org.apache.spark.SparkContext ")).toList()
            + "; the JVM's archive log: " + (Files.exists(cds) ? Files.readString(cds) : "none"));
    SameFit.assertSameFit(dir.resolve("first"), dir.resolve("second"));
  }
}
