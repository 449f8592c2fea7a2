package org.sparkgd.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sparkgd.SparkTestSession;
import org.sparkgd.TestData;
import org.sparkgd.cli.CliRunner;

/**
 * Outputs on the local disk hold what the README lists and nothing else: no Hadoop {@code .crc}
 * side file beside model.json, the plots, the history's part files, the checkpoints or the
 * predictions.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class LocalSideFilesTest {
  @TempDir
  Path dir;

  @Test
  void noOutputOnTheLocalDiskHoldsCrcFiles() throws Exception {
    Path csv = TestData.generate(500, 3).writeCsv(dir.resolve("data.csv"));
    Path output = dir.resolve("fit");
    Interrupt.fitUntilCheckpoint(SparkTestSession.get(), () -> CliRunner.fit(csv, output,
        "--max-iterations", "30", "--tolerance", "0", "--learning-rate", "0.2",
        "--checkpoint-every", "2"), output.toString(), 4);
    Path checkpoints = dir.resolve("fit.checkpoint");
    assertTrue(names(checkpoints).stream().anyMatch(n -> n.matches("checkpoint-\\d+\\.json")),
        names(checkpoints).toString());
    assertEquals(List.of(), crcFiles(checkpoints));

    CliRunner.Result resumed = CliRunner.run("fit", "--resume", output.toString());
    assertEquals(0, resumed.exitCode(), resumed.err());
    assertTrue(names(output).containsAll(List.of("model.json", "history", "cost.png",
        "coefficients.png", "_SUCCESS")), names(output).toString());
    assertTrue(names(output.resolve("history")).stream().anyMatch(n -> n.startsWith("part-")));
    assertEquals(List.of(), crcFiles(output));

    Path plots = dir.resolve("plots");
    CliRunner.Result plot = CliRunner.run("plot", "--history", output.toString(), "--output",
        plots.toString());
    assertEquals(0, plot.exitCode(), plot.err());
    assertEquals(List.of(), crcFiles(plots));

    Path predictions = dir.resolve("predictions");
    CliRunner.Result predict = CliRunner.run("predict", "--model", output.toString(),
        "--input", csv.toString(), "--output", predictions.toString());
    assertEquals(0, predict.exitCode(), predict.err());
    assertTrue(names(predictions).contains("_SUCCESS"), names(predictions).toString());
    assertEquals(List.of(), crcFiles(predictions));
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  private static List<Path> crcFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".crc")).toList();
    }
  }
}
