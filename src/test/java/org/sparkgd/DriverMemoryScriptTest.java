package org.sparkgd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/driver-memory.sh: the heap scripts/sparkgd gives a local fit, from its input; and
 * scripts/local-jit.sh: its JIT, from its width.
 */
class DriverMemoryScriptTest {
  @TempDir
  Path dir;

  /** Runs {@code call} in bash with the script sourced; its standard output, trimmed. */
  private static String bash(String call, String... env) throws IOException,
      InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", "-c", "set -euo pipefail; source "
        + ScriptProcess.HOME.resolve("scripts/driver-memory.sh") + "; " + call));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("SPARKGD_DRIVER_MEMORY");
    builder.environment().remove("SPARKGD_JAVA_OPTS");
    for (String pair : env) {
      builder.environment().put(pair.substring(0, pair.indexOf('=')),
          pair.substring(pair.indexOf('=') + 1));
    }
    Process p = builder.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertEquals(0, p.waitFor(), out);
    return out;
  }

  /** A CSV of {@code rows} lines of 5 columns, about 40 bytes each. */
  private Path csv(int rows) throws IOException {
    StringBuilder text = new StringBuilder("a,b,c,d,y\n");
    for (int i = 0; i < rows; i++) {
      text.append(i).append(',').append(i * 0.25).append(",1.5,").append(i % 97)
          .append(',').append(1e6 + i).append('\n');
    }
    return Files.writeString(dir.resolve("in.csv"), text);
  }

  @Test
  void aNarrowFitGetsTheQuickCompilerAndAWideOneTheDefault() throws Exception {
    // bash() has sourced driver-memory.sh, whose option_value local-jit.sh uses.
    String jit = "source " + ScriptProcess.HOME.resolve("scripts/local-jit.sh")
        + "; local_jit_options ";
    String quick = "-XX:TieredStopAtLevel=1";
    assertEquals(quick, bash(jit + "fit --input in.csv --label y --features a,b,c"));
    assertEquals(quick, bash(jit + "fit --input in.csv --formula 'y ~ .'"), "width unknown");
    assertEquals(quick, bash(jit + "fit --resume out"));
    String wide = String.join(",", java.util.Collections.nCopies(100, "x"));
    String narrower = String.join(",", java.util.Collections.nCopies(99, "x"));
    assertEquals("", bash(jit + "fit --master 'local[*]' --features " + wide));
    assertEquals("", bash(jit + "fit --features=" + wide));
    assertEquals(quick, bash(jit + "fit --features " + narrower));
    assertEquals("", bash(jit + "predict --model out --input in.csv --output p"));
  }

  @Test
  void csvCacheIsRowsTimesChosenColumnsTimesEight() throws Exception {
    Path csv = csv(400_000);
    // 400,000 rows × 5 header columns × 8 bytes = 15.3 MiB; with --features a,b: 3 columns.
    assertEquals(16, Integer.parseInt(bash("fit_cache_mib --input " + csv)), 1);
    assertEquals(10, Integer.parseInt(bash("fit_cache_mib --input=" + csv
        + " --features a,b --label y")), 1);
    assertEquals(13, Integer.parseInt(bash("fit_cache_mib --input " + csv
        + " --features a,b --weight c")), 1);
  }

  @Test
  void theHeapHoldsTheCacheTwiceInSparksShareAboveTheDefaultOnly() throws Exception {
    Path csv = csv(400_000);
    int cache = Integer.parseInt(bash("fit_cache_mib --input " + csv));
    // (300 + 2.5 × cache / 0.6) MiB + 5%, above a 100 MiB default, below 70% of 4 GiB.
    assertEquals(String.valueOf((300 + 25 * cache / 6) * 105 / 100),
        bash("local_fit_heap_mib 4096 100 fit --input " + csv));
    assertEquals("", bash("local_fit_heap_mib 4096 1024 fit --input " + csv), "the default is more");
    assertEquals("358", bash("local_fit_heap_mib 512 100 fit --input " + csv), "70% of 512 MiB");
    assertEquals("", bash("local_fit_heap_mib 4096 100 fit --input hdfs://nn/x.csv"));
    assertEquals("", bash("local_fit_heap_mib 4096 100 fit --resume " + dir));
  }

  @Test
  void theUsersSettingWinsAndABadOneIsRefused() throws Exception {
    Path csv = csv(1000);
    String words = "driver_memory_words java local fit --input " + csv
        + "; echo \"${driver_memory[@]:-none}\"";
    assertEquals("-Xmx3g", bash(words, "SPARKGD_DRIVER_MEMORY=3g"));
    assertEquals("--driver-memory 3g", bash(words.replace("java", "spark-submit"),
        "SPARKGD_DRIVER_MEMORY=3g"));
    assertEquals("none", bash(words), "a small input keeps the default heap");
    assertEquals("none", bash(words, "SPARKGD_JAVA_OPTS=-Xmx1g"));
    ProcessBuilder bad = new ProcessBuilder("bash", "-c", "source " + ScriptProcess.HOME
        .resolve("scripts/driver-memory.sh") + "; driver_memory_words java local fit")
        .redirectErrorStream(true);
    bad.environment().put("SPARKGD_DRIVER_MEMORY", "lots");
    Process p = bad.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertEquals(2, p.waitFor());
    assertEquals("sparkgd: error: SPARKGD_DRIVER_MEMORY=lots is not a size such as 12g or 800m",
        out);
  }

  @Test
  void parquetCacheIsSixTimesTheFilesBytes() throws Exception {
    Path parts = Files.createDirectories(dir.resolve("parts"));
    Files.write(parts.resolve("part-0.parquet"), new byte[3 << 20]);
    Files.write(parts.resolve("part-1.parquet"), new byte[2 << 20]);
    Files.writeString(parts.resolve("_SUCCESS"), "");
    assertEquals("30", bash("fit_cache_mib --input " + parts));
  }
}
