package org.sparkgd.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * One number column of one row group, decoded a page at a time into doubles. The encodings
 * Parquet writers use for numbers by default are decoded in bulk: PLAIN values as one copy,
 * dictionary indexes and definition levels run by run ({@link RleHybridDecoder}). Any other
 * encoding goes through parquet-mr's reader for it, a value a call. parquet-mr's
 * {@code ColumnReader}, used before for every column, made three calls a value: reading 10⁷
 * dictionary-encoded rows took 2 s of the tasks' 3.5 (JFR: 184 of 271 samples).
 */
final class ParquetPageValues {
  private final PageReader pages;
  private final ColumnDescriptor column;
  private final PrimitiveTypeName type;
  private final int maxDefinition;
  /** The dictionary's values as doubles, or null when the chunk has none. */
  private final double[] dictionary;
  /** Values (nulls included) left in the current page. */
  private int pageLeft;
  /** The page's definition levels: run-length decoded, or a reader of another encoding. */
  private RleHybridDecoder levels;
  private ValuesReader otherLevels;
  /** The page's values: dictionary indexes, PLAIN bytes, or a reader of another encoding. */
  private RleHybridDecoder indexes;
  private ByteBuffer plain;
  private ValuesReader otherValues;
  private int[] scratch = new int[0];

  ParquetPageValues(PageReader pages, ColumnDescriptor column) {
    this.pages = pages;
    this.column = column;
    this.type = column.getPrimitiveType().getPrimitiveTypeName();
    this.maxDefinition = column.getMaxDefinitionLevel();
    DictionaryPage page = pages.readDictionaryPage();
    try {
      this.dictionary = page == null ? null : asDoubles(page.getEncoding().initDictionary(column,
          page));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The next {@code n} values into {@code values} from {@code at}; {@code nulls[at + i]} is set
   * where a value is null (its slot then holds 0).
   */
  void read(int n, double[] values, boolean[] nulls, int at) {
    int done = 0;
    while (done < n) {
      if (pageLeft == 0) {
        nextPage();
      }
      int k = Math.min(pageLeft, n - done);
      readInPage(k, values, nulls, at + done);
      pageLeft -= k;
      done += k;
    }
  }

  private void readInPage(int k, double[] values, boolean[] nulls, int at) {
    int present = k;
    if (maxDefinition > 0) {
      int[] defined = scratch(k);
      if (levels != null) {
        levels.read(defined, 0, k);
      } else {
        for (int i = 0; i < k; i++) {
          defined[i] = otherLevels.readInteger();
        }
      }
      present = 0;
      for (int i = 0; i < k; i++) {
        nulls[at + i] = defined[i] < maxDefinition;
        present += nulls[at + i] ? 0 : 1;
      }
    } else {
      java.util.Arrays.fill(nulls, at, at + k, false);
    }
    decode(present, values, at);
    if (present < k) {
      // The page holds the present values only: spread them over their rows, from the end.
      int p = present;
      for (int i = k - 1; i >= 0; i--) {
        values[at + i] = nulls[at + i] ? 0 : values[at + --p];
      }
    }
  }

  private void decode(int n, double[] out, int at) {
    if (indexes != null) {
      int[] ids = scratch(n);
      indexes.read(ids, 0, n);
      for (int i = 0; i < n; i++) {
        out[at + i] = dictionary[ids[i]];
      }
    } else if (plain != null) {
      switch (type) {
        case DOUBLE -> {
          plain.asDoubleBuffer().get(out, at, n);
          plain.position(plain.position() + 8 * n);
        }
        case FLOAT -> {
          for (int i = 0; i < n; i++) {
            out[at + i] = plain.getFloat();
          }
        }
        case INT32 -> {
          for (int i = 0; i < n; i++) {
            out[at + i] = plain.getInt();
          }
        }
        default -> {
          for (int i = 0; i < n; i++) {
            out[at + i] = plain.getLong();
          }
        }
      }
    } else {
      for (int i = 0; i < n; i++) {
        out[at + i] = switch (type) {
          case DOUBLE -> otherValues.readDouble();
          case FLOAT -> otherValues.readFloat();
          case INT32 -> otherValues.readInteger();
          default -> otherValues.readLong();
        };
      }
    }
  }

  private void nextPage() {
    DataPage page = pages.readPage();
    if (page == null) {
      throw new IllegalStateException(column + ": the row group ends before its rows");
    }
    pageLeft = page.getValueCount();
    levels = null;
    otherLevels = null;
    try {
      if (page instanceof DataPageV1 v1) {
        ByteBufferInputStream in = ByteBufferInputStream.wrap(v1.getBytes().toByteBuffer());
        if (maxDefinition > 0 && v1.getDlEncoding() == Encoding.RLE) {
          levels = levels(in.slice(BytesUtils.readIntLittleEndian(in)));
        } else if (maxDefinition > 0) {
          otherLevels = v1.getDlEncoding().getValuesReader(column, ValuesType.DEFINITION_LEVEL);
          otherLevels.initFromPage(pageLeft, in);
        }
        startValues(v1.getValueEncoding(), in);
      } else {
        DataPageV2 v2 = (DataPageV2) page;
        if (maxDefinition > 0) {
          levels = levels(v2.getDefinitionLevels().toByteBuffer());
        }
        startValues(v2.getDataEncoding(),
            ByteBufferInputStream.wrap(v2.getData().toByteBuffer()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(column + ": cannot read a page: " + e.getMessage(), e);
    }
  }

  /** Definition levels encoded as RLE / bit-packed runs. */
  private RleHybridDecoder levels(ByteBuffer runs) {
    return new RleHybridDecoder(runs, BytesUtils.getWidthFromMaxInt(maxDefinition));
  }

  private void startValues(Encoding encoding, ByteBufferInputStream in) throws IOException {
    indexes = null;
    plain = null;
    otherValues = null;
    int bytes = (int) in.available();
    if (encoding.usesDictionary()) {
      int width = in.read();
      indexes = new RleHybridDecoder(in.slice(bytes - 1), width);
    } else if (encoding == Encoding.PLAIN) {
      plain = in.slice(bytes).order(ByteOrder.LITTLE_ENDIAN);
    } else {
      otherValues = encoding.getValuesReader(column, ValuesType.VALUES);
      otherValues.initFromPage(pageLeft, in);
    }
  }

  private int[] scratch(int n) {
    if (scratch.length < n) {
      scratch = new int[n];
    }
    return scratch;
  }

  private double[] asDoubles(Dictionary values) {
    double[] out = new double[values.getMaxId() + 1];
    for (int id = 0; id < out.length; id++) {
      out[id] = switch (type) {
        case DOUBLE -> values.decodeToDouble(id);
        case FLOAT -> values.decodeToFloat(id);
        case INT32 -> values.decodeToInt(id);
        default -> values.decodeToLong(id);
      };
    }
    return out;
  }
}
