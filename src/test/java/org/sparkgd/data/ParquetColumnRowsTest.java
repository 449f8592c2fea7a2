package org.sparkgd.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sparkgd.SparkTestSession;
import org.sparkgd.config.BadRowPolicy;

/**
 * The column pages decoded as Spark wrote them, whatever the writer's settings: dictionary or
 * PLAIN values, version 1 or 2 pages (whose integers are delta-encoded), many small pages and
 * row groups, each number type, and nulls; read back in row ranges that start inside row
 * groups.
 */
class ParquetColumnRowsTest {
  private static final int ROWS = 20_000;
  private static final List<String> COLUMNS = List.of("a", "b", "c", "d");

  @TempDir
  static Path dir;

  private static final Map<String, Map<String, String>> WRITERS = Map.of(
      "defaults", Map.of(),
      "plain", Map.of("parquet.enable.dictionary", "false"),
      "v2", Map.of("parquet.writer.version", "v2"),
      "small", Map.of("parquet.page.size", "1024", "parquet.page.row.count.limit", "300",
          "parquet.block.size", "65536"));

  @ParameterizedTest
  @ValueSource(strings = {"defaults", "plain", "v2", "small"})
  void everyValueComesBackInOrder(String writer) {
    String path = dir.resolve(writer).toString();
    var frame = SparkTestSession.get().range(ROWS).selectExpr(
        "case when id % 97 = 5 then null else id / 3.0d end as a",
        "cast(id % 10 as float) / 4 as b",
        "cast(id as int) * 3 - 7 as c",
        "id * 1000000007 as d").coalesce(1);
    var write = frame.write();
    WRITERS.get(writer).forEach(write::option);
    write.parquet(path);

    Configuration conf = new Configuration();
    InputFiles input = InputFiles.list(conf, path);
    ParquetLayout layout = ParquetLayout.of(conf, input, COLUMNS.subList(0, 3), "d", null);
    List<double[]> read = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (List<ParquetLayout.Piece> pieces : layout.ranges(3)) {
      ParquetColumnRows rows = new ParquetColumnRows(pieces.iterator(), conf, COLUMNS,
          BadRowPolicy.SKIP, null);
      // Blocks of 1,000 rows: runs cut inside the reader's batches, and bad rows between runs.
      BlockPacker blocks = new BlockPacker(rows, 3, 1000);
      while (blocks.hasNext()) {
        DataBlock block = blocks.next();
        for (int i = 0; i < block.rows(); i++) {
          double[] row = java.util.Arrays.copyOf(
              java.util.Arrays.copyOfRange(block.features(), 3 * i, 3 * i + 3), 4);
          row[3] = block.labels()[i];
          read.add(row);
        }
        if (block.skipped() != null) {
          skipped.addAll(block.skipped().examples());
        }
      }
    }
    int next = 0;
    for (long id = 0; id < ROWS; id++) {
      if (id % 97 == 5) {
        continue;
      }
      double[] row = read.get(next++);
      assertEquals(id / 3.0, row[0], 0, writer + " a, row " + id);
      assertEquals((float) (id % 10) / 4, row[1], 0, writer + " b, row " + id);
      assertEquals(3 * id - 7, row[2], 0, writer + " c, row " + id);
      assertEquals(id * 1000000007L, row[3], 0, writer + " d, row " + id);
    }
    assertEquals(next, read.size());
    assertFalse(skipped.isEmpty());
    assertEquals(path + "/" + input.files().get(0).getPath().getName()
        + ", row 6: column 'a' has an empty (null) value",
        skipped.get(0).replaceFirst("^file:", ""));
  }
}
