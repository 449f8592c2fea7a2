package org.sparkgd.data;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Where a Parquet input's rows are, from the files' footers, read on the driver: each row
 * group's file, index and row count, and the chosen columns. {@link #ranges} cuts the rows into
 * partitions of equal rows at read time (partition p of P from row ⌈p·n/P⌉, as
 * {@link BalancedBlocks} lays them out), so the rows need not move after reading.
 */
final class ParquetLayout {
  /**
   * One file's row group and the rows of it a partition reads.
   *
   * @param fileRow the group's first row in its file (for messages)
   */
  record Piece(String file, int rowGroup, long fileRow, long skip, long take)
      implements Serializable {}

  private record Group(String file, int index, long fileRow, long rows) {}

  private final List<Group> groups;
  private final long rows;
  /** The chosen columns' names, in the order of a row: features, label, weight. */
  final List<String> columns;

  private ParquetLayout(List<Group> groups, List<String> columns) {
    this.groups = groups;
    this.rows = groups.stream().mapToLong(Group::rows).sum();
    this.columns = columns;
  }

  /**
   * The layout of {@code input}'s chosen columns, or null when a column is not a plain number
   * the column readers take as it is (INT32, INT64, FLOAT or DOUBLE, not repeated, no decimal
   * or unsigned annotation) in every file; such input goes through Spark SQL instead.
   *
   * @param weight the weight column, or null
   */
  static ParquetLayout of(Configuration conf, InputFiles input, List<String> features,
      String label, String weight) {
    List<Group> groups = new ArrayList<>();
    List<String> columns = null;
    MessageType projection = null;
    List<ParquetMetadata> footers = input.parquetFooters(conf);
    for (int f = 0; f < footers.size(); f++) {
      String path = input.files().get(f).getPath().toString();
      MessageType fileSchema = footers.get(f).getFileMetaData().getSchema();
      if (columns == null) {
        columns = names(fileSchema, features, label, weight, path);
      }
      MessageType chosen = project(fileSchema, columns);
      if (chosen == null || (projection != null && !projection.equals(chosen))) {
        return null;
      }
      projection = chosen;
      long fileRow = 0;
      List<BlockMetaData> blocks = footers.get(f).getBlocks();
      for (int g = 0; g < blocks.size(); g++) {
        groups.add(new Group(path, g, fileRow, blocks.get(g).getRowCount()));
        fileRow += blocks.get(g).getRowCount();
      }
    }
    return new ParquetLayout(groups, columns);
  }

  private static List<String> names(MessageType schema, List<String> features, String label,
      String weight, String path) {
    List<String> available = new ArrayList<>();
    schema.getFields().forEach(f -> available.add(f.getName()));
    List<String> names = new ArrayList<>();
    for (int k : ColumnSelection.resolve(available, features, label, path)) {
      names.add(available.get(k));
    }
    if (weight != null) {
      names.add(available.get(ColumnSelection.requireAll(available, List.of(weight),
          "the weight column", path)[0]));
    }
    return names;
  }

  /** The chosen columns of {@code schema}, or null when one is not a plain number. */
  static MessageType project(MessageType schema, List<String> columns) {
    List<Type> fields = new ArrayList<>();
    for (String name : columns) {
      if (!schema.containsField(name)) {
        return null;
      }
      Type field = schema.getType(name);
      if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED)
          || !plainNumber(field.asPrimitiveType())) {
        return null;
      }
      fields.add(field);
    }
    return new MessageType(schema.getName(), fields);
  }

  private static boolean plainNumber(PrimitiveType type) {
    LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
    return switch (type.getPrimitiveTypeName()) {
      case FLOAT, DOUBLE -> logical == null;
      case INT32, INT64 -> logical == null
          || (logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i && i.isSigned());
      default -> false;
    };
  }

  long rows() {
    return rows;
  }

  /**
   * The pieces each of {@code partitions} partitions reads: partition p the rows from
   * ⌈p·n/P⌉ to ⌈(p+1)·n/P⌉, in file and row-group order.
   */
  List<List<Piece>> ranges(int partitions) {
    List<List<Piece>> out = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      long from = firstRow(p, partitions);
      long to = firstRow(p + 1, partitions);
      List<Piece> pieces = new ArrayList<>();
      long start = 0;
      for (Group group : groups) {
        long end = start + group.rows();
        if (start < to && end > from) {
          long skip = Math.max(0, from - start);
          pieces.add(new Piece(group.file(), group.index(), group.fileRow(), skip,
              Math.min(end, to) - start - skip));
        }
        start = end;
      }
      out.add(pieces);
    }
    return out;
  }

  private long firstRow(int p, int partitions) {
    return p >= partitions ? rows : (Math.multiplyExact((long) p, rows) + partitions - 1)
        / partitions;
  }
}
