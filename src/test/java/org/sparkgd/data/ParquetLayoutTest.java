package org.sparkgd.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkgd.SparkTestSession;

/** Row ranges cut from Parquet footers, and which columns the column readers take. */
class ParquetLayoutTest {
  @TempDir
  static Path dir;

  /** {@code rows} rows of (i, 2i, i/3) in {@code parts} files of small row groups. */
  private static InputFiles parts(String name, long rows, int parts, String types) {
    Dataset<Row> frame = SparkTestSession.get().range(rows).selectExpr(types.split(";"));
    String path = dir.resolve(name).toString();
    frame.repartition(parts).sortWithinPartitions("a").write()
        .option("parquet.block.size", "4096").parquet(path);
    return InputFiles.list(new Configuration(), path);
  }

  @Test
  void partitionsReadEqualShares() {
    InputFiles input = parts("shares", 5000, 3, "id as a;2 * id as b;id / 3.0d as c");
    ParquetLayout layout = ParquetLayout.of(new Configuration(), input, List.of("a", "b"), "c",
        null);
    assertEquals(5000, layout.rows());
    assertEquals(List.of("a", "b", "c"), layout.columns);
    for (int partitions : new int[] {1, 2, 7, 64}) {
      List<List<ParquetLayout.Piece>> ranges = layout.ranges(partitions);
      assertEquals(partitions, ranges.size());
      long next = 0;
      String file = null;
      long fileNext = 0;
      for (int p = 0; p < partitions; p++) {
        long taken = 0;
        for (ParquetLayout.Piece piece : ranges.get(p)) {
          assertTrue(piece.take() > 0, piece.toString());
          if (!piece.file().equals(file)) {
            file = piece.file();
            fileNext = 0;
          }
          // Every row once, in order: each piece starts where the previous one ended.
          assertEquals(fileNext, piece.fileRow() + piece.skip(), piece.toString());
          fileNext += piece.take();
          taken += piece.take();
        }
        long share = (p + 1) * 5000L / partitions - p * 5000L / partitions;
        assertTrue(Math.abs(taken - share) <= 1, p + ": " + taken + " rows, not " + share);
        next += taken;
      }
      assertEquals(5000, next);
    }
  }

  @Test
  void decimalsAndMissingColumnsGoThroughSparkSql() {
    InputFiles decimals = parts("decimals", 100, 1,
        "cast(id as decimal(10,2)) as a;2 * id as b;id / 3.0d as c");
    assertNull(ParquetLayout.of(new Configuration(), decimals, List.of("a", "b"), "c", null));
    InputFiles ints = parts("ints", 100, 1,
        "cast(id as int) as a;cast(id as float) as b;cast(id as short) as c");
    assertEquals(100, ParquetLayout.of(new Configuration(), ints, List.of("a", "b"), "c", null)
        .rows());
  }
}
