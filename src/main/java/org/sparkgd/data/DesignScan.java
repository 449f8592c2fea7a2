package org.sparkgd.data;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.sparkgd.UserError;
import org.sparkgd.config.InputSpec;
import org.sparkgd.formula.ColumnKind;
import org.sparkgd.formula.Design;
import org.sparkgd.formula.Formula;
import org.sparkgd.formula.ModelTerms;

/**
 * Fixes a formula against an input before the rows are read: its columns' kinds (Parquet or a
 * DataFrame: the schema; CSV: one pass, numeric when every value is a finite number) and each
 * string column's levels, then the {@link Design}.
 */
public final class DesignScan {
  /** More levels than this is an ID-like column, not a factor. */
  public static final int MAX_LEVELS = 1000;

  private DesignScan() {}

  /** The formula of {@code spec} ({@code - 1} added for {@code --no-intercept}) as a design. */
  public static Design resolve(SparkContext spark, InputSpec spec, InputFiles files,
      boolean parquet) {
    Formula formula = formula(spec.formula(), !spec.noIntercept());
    return parquet ? scan(SqlSession.of(spark).read().parquet(files.path()), formula,
        files.path())
        : csv(spark, spec.delimiter(), files, formula);
  }

  /** {@code text} parsed, through the origin ({@code - 1} appended) unless {@code intercept}. */
  public static Formula formula(String text, boolean intercept) {
    return Formula.parse(intercept ? text : text + " - 1");
  }

  /**
   * The design of {@code formula} over a DataFrame's columns: kinds from its schema, a string
   * column's levels from one distinct pass each (sorted as {@code Factor} sorts them).
   *
   * @param source names the rows in an error (a path, or "the training rows")
   */
  public static Design scan(Dataset<Row> frame, Formula formula, String source) {
    ModelTerms terms = formula.terms(Arrays.asList(frame.columns()));
    Map<String, ColumnKind> kinds = new LinkedHashMap<>();
    Map<String, List<String>> levels = new LinkedHashMap<>();
    for (String column : withLabel(terms)) {
      DataType type = frame.schema().apply(column).dataType();
      if (type instanceof NumericType) {
        kinds.put(column, ColumnKind.NUMERIC);
      } else if (type instanceof StringType) {
        kinds.put(column, ColumnKind.STRING);
        List<String> values = new ArrayList<>();
        for (Row r : frame.select(col("`" + column + "`")).where(col("`" + column + "`")
            .isNotNull()).distinct().limit(MAX_LEVELS + 1).collectAsList()) {
          values.add(r.getString(0));
        }
        if (values.size() > MAX_LEVELS) {
          throw ColumnKinds.tooManyLevels(source, column, MAX_LEVELS, null);
        }
        levels.put(column, values);
      } else {
        throw new UserError(source + ": column '" + column + "' has type "
            + type.simpleString() + ", neither a number nor a string");
      }
    }
    return terms.bind(kinds, levels);
  }

  private static Design csv(SparkContext spark, char delimiter, InputFiles files,
      Formula formula) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark);
    Configuration conf = new Configuration(jsc.hadoopConfiguration());
    InputFiles.FirstLine first = files.firstLine(conf);
    List<String> header = CsvBlockReader.header(delimiter, first);
    ModelTerms terms = formula.terms(header);
    List<String> columns = withLabel(terms);
    int[] indices = ColumnSelection.requireAll(header, columns, "the formula's columns",
        first.file());
    CsvLineParser parser = new CsvLineParser(delimiter, new int[0], indices);
    ArrayList<String> names = new ArrayList<>(columns);
    ColumnKinds scan = CsvSplits.read(jsc, files, conf, (split, lines, c) -> List.of(
        scan(parser, names, split.getStart() == 0, lines)).iterator())
        .reduce(ColumnKinds::merge);
    return terms.bind(scan.kinds(), scan.levels(first.file()));
  }

  /** One split's cells; a row with an empty or broken cell is left to the reading pass. */
  private static ColumnKinds scan(CsvLineParser parser, List<String> names, boolean hasHeader,
      SplitLines lines) throws IOException {
    ColumnKinds kinds = new ColumnKinds(names, MAX_LEVELS);
    String[] cells = new String[names.size()];
    boolean header = hasHeader;
    while (lines.next()) {
      if (header || CsvLineParser.isBlank(lines.bytes(), lines.start(), lines.end())) {
        header = false;
        continue;
      }
      try {
        parser.parse(lines.bytes(), lines.start(), lines.end(), new double[0], cells);
        kinds.add(cells);
      } catch (CsvLineParser.CellException e) {
        // reported, with its line number, when the rows are read
      }
    }
    return kinds;
  }

  private static List<String> withLabel(ModelTerms terms) {
    List<String> columns = new ArrayList<>(terms.columns());
    columns.add(terms.label());
    return columns;
  }
}
