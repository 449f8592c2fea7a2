package org.sparkgd.data;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits one CSV line (UTF-8 bytes) into fields and parses only the selected columns as doubles.
 * Fields may be double-quoted ({@code ""} escapes a quote) and padded with spaces; a leading
 * byte-order mark and a trailing carriage return are ignored. Fields cannot span lines.
 */
public final class CsvLineParser implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final byte QUOTE = '"';
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final byte delimiter;
  /** Where to put the value of a string column k: at {@code STRING - k} in {@link #outputOf}. */
  private static final int STRING = -2;

  /**
   * For each column of the file, where its value goes in the output row, or -1 if unused
   * ({@code STRING - k} for the k-th string column).
   */
  private final int[] outputOf;
  /**
   * Output positions filled from another (pairs: from, to): a column selected twice, as a
   * feature that is also the weight, is parsed once into its first position and copied.
   */
  private final int[] copies;
  /** Numbers only (no string columns): every line may take {@link #parsePlain}. */
  private final boolean numbersOnly;

  /**
   * @param selectedColumns the file's column index for each output position
   *     (features in order, then the label)
   */
  public CsvLineParser(char delimiter, int[] selectedColumns) {
    this(delimiter, selectedColumns, new int[0]);
  }

  /**
   * @param numericColumns the file's column index for each number of the output row
   * @param stringColumns the file's column index for each string (a formula's factors), kept
   *     as text
   */
  public CsvLineParser(char delimiter, int[] numericColumns, int[] stringColumns) {
    int[] selectedColumns = numericColumns;
    if (delimiter > 127 || delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
      throw new IllegalArgumentException("unsupported delimiter: " + delimiter);
    }
    this.delimiter = (byte) delimiter;
    int max = Math.max(Arrays.stream(selectedColumns).max().orElse(-1),
        Arrays.stream(stringColumns).max().orElse(-1));
    this.outputOf = new int[max + 1];
    Arrays.fill(outputOf, -1);
    int[] pairs = new int[0];
    for (int k = 0; k < selectedColumns.length; k++) {
      int first = outputOf[selectedColumns[k]];
      if (first >= 0) {
        pairs = Arrays.copyOf(pairs, pairs.length + 2);
        pairs[pairs.length - 2] = first;
        pairs[pairs.length - 1] = k;
      } else {
        outputOf[selectedColumns[k]] = k;
      }
    }
    this.copies = pairs;
    for (int k = 0; k < stringColumns.length; k++) {
      outputOf[stringColumns[k]] = STRING - k;
    }
    this.numbersOnly = stringColumns.length == 0 && outputOf.length > 0;
  }

  /** A cell that cannot be used; the reader adds the file and line. */
  public static final class CellException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int column;

    CellException(int column, String message) {
      super(message);
      this.column = column;
    }

    /** The file's column index (0-based) of the bad cell. */
    public int column() {
      return column;
    }
  }

  /**
   * True for a line, {@code bytes[from, to)}, with nothing but white space (skipped, as blank
   * lines at the end of files).
   */
  public static boolean isBlank(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = bytes[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  /**
   * Parses the selected columns of a data line, {@code bytes[from, to)}, into {@code out}.
   *
   * @throws CellException naming the column when a selected cell is missing, empty or not a
   *     finite number, or when quoting is broken
   */
  public void parse(byte[] bytes, int from, int to, double[] out) throws CellException {
    parse(bytes, from, to, out, null);
  }

  /**
   * As {@link #parse(byte[], int, int, double[])}, and the string columns' cells into
   * {@code strings} (an empty cell is an error there too).
   */
  public void parse(byte[] bytes, int from, int to, double[] out, String[] strings)
      throws CellException {
    if (!(numbersOnly && parsePlain(bytes, from, to, out))) {
      parseFields(bytes, from, to, out, strings);
    }
    for (int i = 0; i < copies.length; i += 2) {
      out[copies[i + 1]] = out[copies[i]];
    }
  }

  private void parseFields(byte[] bytes, int from, int to, double[] out, String[] strings)
      throws CellException {
    int columns = scan(bytes, from, to, (column, b, start, end) -> {
      int k = column < outputOf.length ? outputOf[column] : -1;
      if (k >= 0) {
        out[k] = parseNumber(column, b, start, end);
      } else if (k <= STRING) {
        if (end <= start) {
          throw new CellException(column, "the cell is empty");
        }
        strings[STRING - k] = new String(b, start, end - start, StandardCharsets.UTF_8)
            .replace("\"\"", "\"");
      }
    }, outputOf.length);
    if (columns < outputOf.length) {
      int missing = columns;
      while (outputOf[missing] == -1) {
        missing++;
      }
      throw new CellException(missing,
          "the line has only " + columns + " column" + (columns == 1 ? "" : "s"));
    }
  }

  /**
   * The selected numbers of a line whose fields up to the last selected one are plain: no
   * quotes, spaces or empty cells, and each selected one a decimal {@link #plainDecimal} takes.
   * False for any other line, which the general path then parses (and reports), to the same
   * values. One loop over the fields, without the general path's field visitor, which a fit's
   * quick JIT (C1) does not inline: there, a row of four numbers took 200 to 300 ns to parse
   * through the visitor and 130 to 160 ns through this loop (90 with C2).
   */
  private boolean parsePlain(byte[] b, int from, int to, double[] out) {
    int pos = from;
    for (int column = 0; ; column++) {
      int start = pos;
      while (pos < to && b[pos] != delimiter && b[pos] != QUOTE) {
        pos++;
      }
      if (pos < to && b[pos] == QUOTE) {
        return false;
      }
      int k = outputOf[column];
      if (k >= 0) {
        out[k] = plainDecimal(b, start, pos);
        if (Double.isNaN(out[k])) {
          return false;
        }
      }
      if (column == outputOf.length - 1) {
        return true;
      }
      if (pos >= to) {
        return false;
      }
      pos++;
    }
  }

  /** Splits a header line into trimmed, unquoted names. */
  public List<String> splitHeader(String line) throws CellException {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    List<String> names = new ArrayList<>();
    scan(bytes, 0, bytes.length, (column, b, start, end) -> names.add(
        new String(b, start, end - start, StandardCharsets.UTF_8).replace("\"\"", "\"")),
        Integer.MAX_VALUE);
    return names;
  }

  @FunctionalInterface
  private interface FieldVisitor {
    void visit(int column, byte[] bytes, int start, int end) throws CellException;
  }

  /**
   * Visits the fields of {@code b[from, to)} left to right and returns how many it visited;
   * stops after {@code lastColumn} fields, since a data line's later columns are not needed.
   */
  private int scan(byte[] b, int from, int to, FieldVisitor visitor, int lastColumn)
      throws CellException {
    int len = to;
    if (len > from && b[len - 1] == '\r') {
      len--;
    }
    int pos = hasBom(b, from, len) ? from + BOM.length : from;
    int column = 0;
    while (true) {
      int start;
      int end;
      pos = skipSpaces(b, pos, len);
      if (pos < len && b[pos] == QUOTE) {
        start = pos + 1;
        end = closingQuote(b, start, len, column);
        pos = skipSpaces(b, end + 1, len);
        if (pos < len && b[pos] != delimiter) {
          throw new CellException(column, "unexpected text after a closing quote");
        }
      } else {
        start = pos;
        while (pos < len && b[pos] != delimiter) {
          pos++;
        }
        end = pos;
        while (end > start && (b[end - 1] == ' ' || b[end - 1] == '\t')) {
          end--;
        }
      }
      visitor.visit(column, b, start, end);
      column++;
      if (pos >= len || column >= lastColumn) {
        return column;
      }
      pos++;
    }
  }

  private int skipSpaces(byte[] b, int pos, int len) {
    while (pos < len && (b[pos] == ' ' || (b[pos] == '\t' && delimiter != '\t'))) {
      pos++;
    }
    return pos;
  }

  private static int closingQuote(byte[] b, int pos, int len, int column) throws CellException {
    while (pos < len) {
      if (b[pos] == QUOTE) {
        if (pos + 1 < len && b[pos + 1] == QUOTE) {
          pos += 2;
          continue;
        }
        return pos;
      }
      pos++;
    }
    throw new CellException(column, "a quoted value is not closed on its line");
  }

  private static boolean hasBom(byte[] b, int from, int to) {
    return to - from >= 3 && b[from] == BOM[0] && b[from + 1] == BOM[1] && b[from + 2] == BOM[2];
  }

  private static double parseNumber(int column, byte[] b, int start, int end)
      throws CellException {
    if (end <= start) {
      throw new CellException(column, "the cell is empty");
    }
    double value = plainDecimal(b, start, end);
    if (Double.isNaN(value)) {
      try {
        value = JavaDoubleParser.parseDouble(b, start, end - start);
      } catch (NumberFormatException e) {
        throw new CellException(column, "'" + text(b, start, end) + "' is not a number");
      }
    }
    if (!Double.isFinite(value)) {
      throw new CellException(column, "'" + text(b, start, end) + "' is not a finite number");
    }
    return value;
  }

  /** 10^k for k up to 15, each exact as a double. */
  private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8,
      1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

  /**
   * A decimal without an exponent and with at most 15 digits ("-12.5", "230.1"), as most CSV
   * numbers are, or NaN for any other text (FastDoubleParser takes it). Clinger's fast path:
   * the digits and 10^k are exact doubles, and one correctly rounded division gives the
   * correctly rounded value, the same bits as {@link Double#parseDouble}. It is quicker than a
   * general parser, above all in the quick JIT (C1) a narrow fit runs with: 67 of 190 samples
   * of the parsing before (JFR, 10⁷ rows).
   */
  static double plainDecimal(byte[] b, int start, int end) {
    int i = start;
    boolean negative = false;
    if (i < end && (b[i] == '-' || b[i] == '+')) {
      negative = b[i] == '-';
      i++;
    }
    long digits = 0;
    int count = 0;
    int decimals = -1;
    for (; i < end; i++) {
      int digit = b[i] - '0';
      if (digit >= 0 && digit <= 9) {
        if (++count > 15) {
          return Double.NaN;
        }
        digits = digits * 10 + digit;
        if (decimals >= 0) {
          decimals++;
        }
      } else if (b[i] == '.' && decimals < 0) {
        decimals = 0;
      } else {
        return Double.NaN;
      }
    }
    if (count == 0) {
      return Double.NaN;
    }
    double value = decimals > 0 ? digits / POWERS_OF_TEN[decimals] : digits;
    return negative ? -value : value;
  }

  private static String text(byte[] b, int start, int end) {
    int shown = Math.min(end - start, 40);
    String s = new String(b, start, shown, StandardCharsets.UTF_8);
    return shown < end - start ? s + "…" : s;
  }
}
