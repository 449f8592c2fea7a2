package org.sparkgd.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.storage.RDDInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkgd.SparkTestSession;
import org.sparkgd.UserError;
import org.sparkgd.config.BadRowPolicy;
import org.sparkgd.config.InputFormat;
import org.sparkgd.config.InputSource;
import org.sparkgd.config.InputSpec;

/** The cache's size worked out before reading, against the cache Spark then really holds. */
class CacheSizeTest {
  /** How far a CSV's row estimate may be off, for lines of varying length as written here. */
  private static final double CSV_TOLERANCE = 0.03;

  @TempDir
  Path dir;

  @Test
  void parquetRowsAreTheFootersCountAndTheBytesWhatSparkCaches() {
    String path = dir.resolve("parts").toString();
    SparkTestSession.get().range(60_000).selectExpr("id * 0.5d as a", "id % 7 as b",
        "cast(id as double) / 3 as c", "1.0d + id % 3 as w").repartition(3).write()
        .parquet(path);
    InputSpec spec = new InputSpec(new InputSource(path, InputFormat.AUTO, ','), "c",
        List.of("a", "b"), 0, BadRowPolicy.FAIL, null, false, "w");
    InputFiles files = InputFiles.list(new Configuration(), path);
    CacheSize size = CacheSize.of(new Configuration(), spec, files, null, 2);
    assertEquals(60_000, size.rows());
    assertTrue(size.exact());
    assertEquals(4, size.columns(), "2 features, the label and the weight");
    assertFalse(size.describe().startsWith("about"), size.describe());
    assertCachedBytes(spec, files, size);
  }

  @Test
  void csvRowsAreAnEstimateWithinItsToleranceAndTheBytesWhatSparkCaches() throws IOException {
    Path csv = csv(dir.resolve("one.csv"), 50_000, new Random(7));
    InputSpec spec = new InputSpec(new InputSource(csv.toString(), InputFormat.AUTO, ','), "y",
        List.of("x1", "x2", "x3"), 0, BadRowPolicy.FAIL);
    InputFiles files = InputFiles.list(new Configuration(), csv.toString());
    CacheSize size = CacheSize.of(new Configuration(), spec, files, null, 2);
    assertFalse(size.exact());
    assertTrue(size.describe().startsWith("about "), size.describe());
    assertEquals(50_000, size.rows(), 50_000 * CSV_TOLERANCE);
    assertEquals(4, size.columns());
    // The bytes follow from the rows: exact for the true count, within the rows' error else.
    assertEquals(CacheSize.of(50_000, false, 3, false, 2).bytes(), size.bytes(),
        size.bytes() * CSV_TOLERANCE);
    assertCachedBytes(spec, files, CacheSize.of(50_000, false, 3, false, 2));
  }

  @Test
  void linesEndedByCarriageReturnsAreCountedAsTheReaderCountsThem() throws IOException {
    for (String end : List.of("\r", "\r\n")) {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      write(new PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8), 20_000,
          new Random(5));
      Path csv = Files.writeString(dir.resolve("cr-" + end.length() + ".csv"),
          bytes.toString(java.nio.charset.StandardCharsets.UTF_8).replace("\n", end));
      InputSpec spec = new InputSpec(new InputSource(csv.toString(), InputFormat.AUTO, ','),
          "y", List.of("x1"), 0, BadRowPolicy.FAIL);
      CacheSize size = CacheSize.of(new Configuration(), spec,
          InputFiles.list(new Configuration(), csv.toString()), null, 2);
      assertEquals(20_000, size.rows(), 20_000 * CSV_TOLERANCE, end.length() + " byte ends");
    }
  }

  @Test
  void aFolderOfCsvPartsIsEstimatedOverAllItsFiles() throws IOException {
    Path parts = Files.createDirectories(dir.resolve("csv-parts"));
    Random random = new Random(11);
    int[] rows = {20_000, 3, 9_000, 30_000, 1};
    long total = 0;
    for (int p = 0; p < rows.length; p++) {
      csv(parts.resolve("part-" + p + ".csv"), rows[p], random);
      total += rows[p];
    }
    InputSpec spec = new InputSpec(new InputSource(parts.toString(), InputFormat.AUTO, ','),
        "y", List.of("x1"), 0, BadRowPolicy.FAIL);
    CacheSize size = CacheSize.of(new Configuration(), spec,
        InputFiles.list(new Configuration(), parts.toString()), null, 2);
    assertEquals(total, size.rows(), total * CSV_TOLERANCE);
    assertEquals(2, size.columns());
  }

  @Test
  void compressedCsvHasNoEstimateAndSaysSo() throws IOException {
    Path gz = dir.resolve("rows.csv.gz");
    try (PrintStream out = new PrintStream(new GZIPOutputStream(Files.newOutputStream(gz)))) {
      write(out, 1000, new Random(3));
    }
    InputSpec spec = new InputSpec(new InputSource(gz.toString(), InputFormat.AUTO, ','), "y",
        List.of("x1", "x2"), 0, BadRowPolicy.FAIL);
    CacheSize size = CacheSize.of(new Configuration(), spec,
        InputFiles.list(new Configuration(), gz.toString()), null, 2);
    assertEquals(-1, size.rows());
    assertEquals(-1, size.bytes());
    assertTrue(size.describe().contains("unknown rows"), size.describe());
  }

  @Test
  void theBytesAreTheDoublesAndEachBlocksHeaders() {
    long rows = 10_000_000;
    CacheSize size = CacheSize.of(rows, true, 3, false, 2);
    long blocks = (rows + 32767) / 32768 + 2; // 1 MiB blocks of 32,768 rows of 4 doubles
    assertEquals(rows * 4 * 8 + blocks * CacheSize.blockOverhead(3, false), size.bytes());
    assertTrue(CacheSize.blockOverhead(3, false) < CacheSize.blockOverhead(3, true));
    assertEquals("10,000,000 rows × 4 columns = 305.2 MiB", size.describe());
  }

  /**
   * A wrong column is the first thing to fix: it is refused before the cache is sized (whose
   * check could refuse the fit for its memory instead), for CSV and for Parquet.
   */
  @Test
  void aMissingColumnIsRefusedBeforeTheCacheIsSized() throws IOException {
    String parquet = dir.resolve("few").toString();
    SparkTestSession.get().range(100).selectExpr("id * 1.0d as x1", "id * 2.0d as y").write()
        .parquet(parquet);
    for (String path : List.of(csv(dir.resolve("few.csv"), 100, new Random(3)).toString(),
        parquet)) {
      InputSpec spec = new InputSpec(new InputSource(path, InputFormat.AUTO, ','), "y",
          List.of("x1", "x9"), 0, BadRowPolicy.FAIL);
      InputFiles files = InputFiles.list(new Configuration(), path);
      AtomicReference<CacheSize> told = new AtomicReference<>();
      UserError error = assertThrows(UserError.class,
          () -> TrainingData.load(SparkTestSession.get().sparkContext(), spec, files, null,
              told::set));
      assertTrue(error.getMessage().contains("no column 'x9'"), error.getMessage());
      assertNull(told.get(), path + ": sized before its columns were checked");
    }
  }

  /** Loads {@code spec} and compares {@code size} with the cache's size as Spark counts it. */
  private static void assertCachedBytes(InputSpec spec, InputFiles files, CacheSize size) {
    AtomicReference<CacheSize> told = new AtomicReference<>();
    try (TrainingData data = TrainingData.load(SparkTestSession.get().sparkContext(), spec,
        files, null, told::set)) {
      long cached = 0;
      for (RDDInfo info : data.blocks().context().getRDDStorageInfo()) {
        if (info.id() == data.blocks().id()) {
          assertEquals(0, info.diskSize());
          cached = info.memSize();
        }
      }
      assertEquals(size.bytes(), told.get().bytes(), size.bytes() * CSV_TOLERANCE);
      // The headers of the blocks and of each partition's array of them: well under 0.1%.
      assertEquals(cached, size.bytes(), cached * 0.001, "predicted " + size.describe()
          + ", cached " + cached + " bytes");
    }
  }

  /** {@code rows} rows of x1, x2, x3, y, each value with 1 to 9 decimals. */
  private static Path csv(Path file, int rows, Random random) throws IOException {
    try (OutputStream stream = Files.newOutputStream(file);
        PrintStream out = new PrintStream(stream)) {
      write(out, rows, random);
    }
    return file;
  }

  private static void write(PrintStream out, int rows, Random random) {
    out.println("x1,x2,x3,y");
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < rows; i++) {
      line.setLength(0);
      for (int j = 0; j < 4; j++) {
        line.append(j == 0 ? "" : ",").append(String.format("%." + (1 + random.nextInt(9))
            + "f", random.nextDouble() * 1000));
      }
      out.println(line);
    }
  }
}
