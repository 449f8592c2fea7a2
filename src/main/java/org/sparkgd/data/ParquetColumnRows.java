package org.sparkgd.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.example.DummyRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.sparkgd.UserError;
import org.sparkgd.config.BadRowPolicy;

/**
 * A partition's rows read from Parquet by parquet-mr's column readers, value by value into the
 * caller's row: no record objects, only the chosen columns' pages. A null or non-finite value
 * fails the read or skips the row ({@link BadRowPolicy}), named by file, row and column.
 */
final class ParquetColumnRows implements RowSource, AutoCloseable {
  private final Iterator<ParquetLayout.Piece> pieces;
  private final Configuration conf;
  private final List<String> names;
  private final BadRowPolicy onBadRows;
  /** The weight column (the row's last value), or null. */
  private final String weight;
  private final SkippedRows skipped = new SkippedRows();
  private final ColumnReader[] columns;
  private final PrimitiveTypeName[] types;
  private final int[] maxLevels;
  private ParquetFileReader reader;
  /** The chosen columns of the open file. */
  private MessageType schema;
  private String file;
  private ParquetLayout.Piece piece;
  /** The rows of the current piece not yet read. */
  private long left;

  ParquetColumnRows(Iterator<ParquetLayout.Piece> pieces, Configuration conf,
      List<String> names, BadRowPolicy onBadRows, String weight) {
    this.pieces = pieces;
    this.conf = conf;
    this.names = names;
    this.onBadRows = onBadRows;
    this.weight = weight;
    this.columns = new ColumnReader[names.size()];
    this.types = new PrimitiveTypeName[names.size()];
    this.maxLevels = new int[names.size()];
  }

  @Override
  public boolean next(double[] out) {
    while (true) {
      while (left == 0) {
        if (!pieces.hasNext()) {
          close();
          return false;
        }
        open(pieces.next());
      }
      long row = piece.fileRow() + piece.skip() + piece.take() - left;
      left--;
      String problem = read(out);
      if (problem == null && weight != null) {
        problem = RowWeights.problem(out[out.length - 1], weight);
      }
      if (problem == null) {
        return true;
      }
      String reason = file + ", row " + (row + 1) + ": " + problem;
      if (onBadRows == BadRowPolicy.FAIL) {
        close();
        throw new UserError(reason + " (--on-bad-rows skip drops such rows)");
      }
      skipped.add(reason);
    }
  }

  /** Reads one value of every column into {@code out}; returns the row's first problem. */
  private String read(double[] out) {
    String problem = null;
    for (int k = 0; k < columns.length; k++) {
      ColumnReader c = columns[k];
      if (c.getCurrentDefinitionLevel() < maxLevels[k]) {
        if (problem == null) {
          problem = "column '" + names.get(k) + "' has an empty (null) value";
        }
      } else {
        double value = switch (types[k]) {
          case DOUBLE -> c.getDouble();
          case FLOAT -> c.getFloat();
          case INT32 -> c.getInteger();
          default -> c.getLong();
        };
        if (problem == null && !Double.isFinite(value)) {
          problem = "column '" + names.get(k) + "' has the value " + value
              + ", not a finite number";
        }
        out[k] = value;
      }
      c.consume();
    }
    return problem;
  }

  /** Reads the piece's row group (the chosen columns only) and skips to its first row. */
  private void open(ParquetLayout.Piece next) {
    try {
      if (!next.file().equals(file)) {
        close();
        reader = ParquetFileReader.open(HadoopInputFile.fromPath(new Path(next.file()), conf));
        schema = ParquetLayout.project(reader.getFileMetaData().getSchema(), names);
        reader.setRequestedSchema(schema);
        file = next.file();
      }
      ColumnReadStoreImpl store = new ColumnReadStoreImpl(reader.readRowGroup(next.rowGroup()),
          new DummyRecordConverter(schema).getRootConverter(), schema,
          reader.getFileMetaData().getCreatedBy());
      for (int k = 0; k < columns.length; k++) {
        ColumnDescriptor descriptor = schema.getColumnDescription(new String[] {names.get(k)});
        columns[k] = store.getColumnReader(descriptor);
        types[k] = descriptor.getPrimitiveType().getPrimitiveTypeName();
        maxLevels[k] = descriptor.getMaxDefinitionLevel();
        for (long i = 0; i < next.skip(); i++) {
          if (columns[k].getCurrentDefinitionLevel() == maxLevels[k]) {
            columns[k].skip();
          }
          columns[k].consume();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(next.file() + ": cannot be read: " + e.getMessage(), e);
    }
    piece = next;
    left = next.take();
  }

  @Override
  public SkippedRows drainSkipped() {
    return skipped.drain();
  }

  @Override
  public void close() {
    if (reader != null) {
      try {
        reader.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        reader = null;
        file = null;
      }
    }
  }
}
