package org.sparkgd.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.sparkgd.UserError;
import org.sparkgd.config.BadRowPolicy;

/**
 * A partition's rows read from Parquet, a batch of rows at a time: each chosen column's pages
 * decoded into doubles ({@link ParquetPageValues}), then copied into the packer's blocks a run
 * of good rows at a time.
 * No record objects, only the chosen columns' pages. A null or non-finite value fails the read
 * or skips the row ({@link BadRowPolicy}), named by file, row and column.
 */
final class ParquetColumnRows implements RowSource, AutoCloseable {
  /** Rows decoded at a time, per column. */
  static final int BATCH_ROWS = 4096;

  private final Iterator<ParquetLayout.Piece> pieces;
  private final Configuration conf;
  private final ParquetReadOptions options;
  private final List<String> names;
  private final BadRowPolicy onBadRows;
  /** The weight column (the row's last value), or null. */
  private final String weight;
  private final SkippedRows skipped = new SkippedRows();
  private final ParquetPageValues[] columns;
  /** The batch, column by column, and which of its values are null. */
  private final double[][] values;
  private final boolean[][] nulls;
  /**
   * Whether position k reads its column: a column chosen twice (a feature that is also the
   * weight) is read once, and the later position shares the first one's values.
   */
  private final boolean[] reads;
  private int batchRows;
  private int nextInBatch;
  private ParquetFileReader reader;
  /** The chosen columns of the open file. */
  private MessageType schema;
  private String file;
  private ParquetLayout.Piece piece;
  /** The rows of the current piece not yet decoded. */
  private long left;
  /** The file row of the batch's first row. */
  private long batchRow;

  ParquetColumnRows(Iterator<ParquetLayout.Piece> pieces, Configuration conf,
      List<String> names, BadRowPolicy onBadRows, String weight) {
    this.pieces = pieces;
    this.conf = conf;
    this.options = HadoopReadOptions.builder(conf).build();
    this.names = names;
    this.onBadRows = onBadRows;
    this.weight = weight;
    this.columns = new ParquetPageValues[names.size()];
    this.values = new double[names.size()][];
    this.nulls = new boolean[names.size()][];
    this.reads = new boolean[names.size()];
    for (int k = 0; k < names.size(); k++) {
      int first = names.indexOf(names.get(k));
      reads[k] = first == k;
      values[k] = reads[k] ? new double[BATCH_ROWS] : values[first];
      nulls[k] = reads[k] ? new boolean[BATCH_ROWS] : nulls[first];
    }
  }

  @Override
  public boolean next(double[] out) {
    while (true) {
      while (nextInBatch == batchRows) {
        if (!nextBatch()) {
          close();
          return false;
        }
      }
      int i = nextInBatch++;
      for (int k = 0; k < columns.length; k++) {
        out[k] = values[k][i];
      }
      String problem = problem(i);
      if (problem == null) {
        return true;
      }
      String reason = file + ", row " + (batchRow + i + 1) + ": " + problem;
      if (onBadRows == BadRowPolicy.FAIL) {
        close();
        throw new UserError(reason + " (--on-bad-rows skip drops such rows)");
      }
      skipped.add(reason);
    }
  }

  /**
   * Copies the batch's next rows that are all good (no null, finite, a usable weight) column by
   * column into the block at once; a bad row goes through {@link #next}, which reports or skips
   * it. Handed out one at a time, the rows took about half of the reading task's JFR samples
   * (10⁷ rows), copied in runs a third.
   */
  @Override
  public int nextRows(double[] features, double[] labels, double[] weights, int at,
      int count, double[] row) {
    if (nextInBatch == batchRows || problem(nextInBatch) != null) {
      return RowSource.super.nextRows(features, labels, weights, at, 1, row);
    }
    int first = nextInBatch;
    int end = Math.min(batchRows, first + count);
    int n = 1;
    while (first + n < end && problem(first + n) == null) {
      n++;
    }
    int d = labelColumn();
    for (int k = 0; k < d; k++) {
      double[] column = values[k];
      for (int i = 0, to = at * d + k; i < n; i++, to += d) {
        features[to] = column[first + i];
      }
    }
    System.arraycopy(values[d], first, labels, at, n);
    if (weights != null) {
      System.arraycopy(values[d + 1], first, weights, at, n);
    }
    nextInBatch += n;
    return n;
  }

  /** The label's column: the features come before it, the weight after. */
  private int labelColumn() {
    return columns.length - (weight == null ? 1 : 2);
  }

  /**
   * Row {@code i} of the batch's first problem (a null, a value not finite, an unusable
   * weight), or null for a good row.
   */
  private String problem(int i) {
    for (int k = 0; k < columns.length; k++) {
      if (nulls[k][i]) {
        return "column '" + names.get(k) + "' has an empty (null) value";
      }
      if (!Double.isFinite(values[k][i])) {
        return "column '" + names.get(k) + "' has the value " + values[k][i]
            + ", not a finite number";
      }
    }
    return weight == null ? null : RowWeights.problem(values[columns.length - 1][i], weight);
  }

  /** Decodes the next batch of the current piece, opening the next piece when it is done. */
  private boolean nextBatch() {
    while (left == 0) {
      if (!pieces.hasNext()) {
        return false;
      }
      open(pieces.next());
    }
    batchRow = piece.fileRow() + piece.skip() + piece.take() - left;
    batchRows = (int) Math.min(BATCH_ROWS, left);
    for (int k = 0; k < columns.length; k++) {
      if (reads[k]) {
        columns[k].read(batchRows, values[k], nulls[k], 0);
      }
    }
    left -= batchRows;
    nextInBatch = 0;
    return true;
  }

  /** Reads the piece's row group (the chosen columns only) and skips to its first row. */
  private void open(ParquetLayout.Piece next) {
    try {
      if (!next.file().equals(file)) {
        close();
        reader = ParquetFileReader.open(HadoopInputFile.fromPath(new Path(next.file()), conf),
            options);
        schema = ParquetLayout.project(reader.getFileMetaData().getSchema(), names);
        reader.setRequestedSchema(schema);
        file = next.file();
      }
      PageReadStore group = reader.readRowGroup(next.rowGroup());
      for (int k = 0; k < columns.length; k++) {
        if (!reads[k]) {
          continue;
        }
        ColumnDescriptor descriptor = schema.getColumnDescription(new String[] {names.get(k)});
        columns[k] = new ParquetPageValues(group.getPageReader(descriptor), descriptor);
        for (long skip = next.skip(); skip > 0; skip -= BATCH_ROWS) {
          columns[k].read((int) Math.min(BATCH_ROWS, skip), values[k], nulls[k], 0);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(next.file() + ": cannot be read: " + e.getMessage(), e);
    }
    piece = next;
    left = next.take();
    batchRows = 0;
    nextInBatch = 0;
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
