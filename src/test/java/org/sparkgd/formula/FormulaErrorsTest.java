package org.sparkgd.formula;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparkgd.UserError;

/** Every mistake in a formula gets one line naming the formula, where and what. */
class FormulaErrorsTest {
  private static final List<String> COLUMNS = List.of("TV", "radio", "newspaper", "sales");

  private static String parseError(String formula) {
    UserError e = assertThrows(UserError.class, () -> Formula.parse(formula));
    assertEquals(UserError.USAGE_EXIT_CODE, e.exitCode());
    return e.getMessage();
  }

  private static String termsError(String formula) {
    Formula parsed = Formula.parse(formula);
    UserError e = assertThrows(UserError.class, () -> parsed.terms(COLUMNS));
    assertEquals(UserError.USAGE_EXIT_CODE, e.exitCode());
    return e.getMessage();
  }

  @Test
  void missingTermAfterAnOperator() {
    assertEquals("--formula 'sales ~ TV +': expected a term after '+' at position 12",
        parseError("sales ~ TV +"));
    assertEquals("--formula 'sales ~ TV + ': expected a term after '+' at position 12",
        parseError("sales ~ TV + "));
    assertEquals("--formula 'sales ~': expected a term after '~' at position 7",
        parseError("sales ~"));
    assertEquals("--formula 'sales ~ TV * * radio': expected a term after '*', found '*' at "
        + "position 12", parseError("sales ~ TV * * radio"));
    assertEquals("--formula 'sales ~ TV:': expected a term after ':' at position 11",
        parseError("sales ~ TV:"));
    assertEquals("--formula 'sales ~ -': expected a term after '-' at position 9",
        parseError("sales ~ -"));
  }

  @Test
  void labelAndTilde() {
    assertEquals("--formula '': is empty; write it as 'label ~ terms', for example "
        + "'sales ~ TV + radio'", parseError(""));
    assertEquals("--formula '  ': is empty; write it as 'label ~ terms', for example "
        + "'sales ~ TV + radio'", parseError("  "));
    assertEquals("--formula '~ TV': expected the label column before '~' at position 1",
        parseError("~ TV"));
    assertEquals("--formula '(sales) ~ TV': expected the label column, found '(' at position 1",
        parseError("(sales) ~ TV"));
    assertEquals("--formula 'sales TV': expected '~' after the label 'sales', found 'TV' at "
        + "position 7", parseError("sales TV"));
    assertEquals("--formula 'sales': expected '~' after the label 'sales', found the end at "
        + "position 6", parseError("sales"));
    assertEquals("--formula 'sales ~ TV ~ radio': unexpected '~' at position 12",
        parseError("sales ~ TV ~ radio"));
  }

  @Test
  void strayTokensAndCharacters() {
    assertEquals("--formula 'sales ~ TV radio': unexpected 'radio' at position 12; terms are "
        + "joined by '+', ':' or '*'", parseError("sales ~ TV radio"));
    assertEquals("--formula 'sales ~ TV + \"radio\"': unexpected character '\"' at position 14;"
        + " quote odd column names with backquotes (`TV spend`)",
        parseError("sales ~ TV + \"radio\""));
    assertEquals("--formula 'sales ~ TV / radio': unexpected character '/' at position 12",
        parseError("sales ~ TV / radio"));
    assertEquals("--formula 'sales ~ `TV': the backquote is never closed at position 9",
        parseError("sales ~ `TV"));
    assertEquals("--formula 'sales ~ ``': empty backquoted name at position 9",
        parseError("sales ~ ``"));
  }

  @Test
  void parentheses() {
    assertEquals("--formula 'sales ~ (TV + radio': '(' is never closed at position 9",
        parseError("sales ~ (TV + radio"));
    assertEquals("--formula 'sales ~ TV)': ')' has no matching '(' at position 11",
        parseError("sales ~ TV)"));
    assertEquals("--formula 'sales ~ (TV radio)': expected ')' to close the '(' at position 9,"
        + " found 'radio' at position 13", parseError("sales ~ (TV radio)"));
    assertEquals("--formula 'sales ~ ()': expected a term, found ')' at position 10",
        parseError("sales ~ ()"));
  }

  @Test
  void powers() {
    assertEquals("--formula 'sales ~ TV^2': '^' after a column is not a power in a formula at "
        + "position 11; write I(TV^2)", parseError("sales ~ TV^2"));
    assertEquals("--formula 'sales ~ I(TV)': expected '^' after 'TV' in I(...), found ')' at "
        + "position 13; only powers such as I(TV^2) are supported", parseError("sales ~ I(TV)"));
    assertEquals("--formula 'sales ~ I(TV^1.5)': expected a whole power from 1 to 999 after "
        + "'^', found '1.5' at position 13", parseError("sales ~ I(TV^1.5)"));
    assertEquals("--formula 'sales ~ I(TV^0)': expected a whole power from 1 to 999 after "
        + "'^', found '0' at position 13", parseError("sales ~ I(TV^0)"));
    assertEquals("--formula 'sales ~ I(TV^-1)': expected a whole power from 1 to 999 after "
        + "'^', found '-' at position 13", parseError("sales ~ I(TV^-1)"));
    assertEquals("--formula 'sales ~ I(^2)': expected a column name in I(...), found '^' at "
        + "position 11", parseError("sales ~ I(^2)"));
    assertEquals("--formula 'sales ~ I(TV^2': 'I(' is never closed at position 9",
        parseError("sales ~ I(TV^2"));
    assertEquals("--formula 'sales ~ (TV + radio)^x': expected a whole power from 1 to 999 "
        + "after '^', found 'x' at position 21", parseError("sales ~ (TV + radio)^x"));
  }

  @Test
  void numbersOtherThanTheIntercept() {
    assertEquals("--formula 'sales ~ TV + 2': '2' is not a term at position 14; only 0 and 1 "
        + "(the intercept) can be added or removed", parseError("sales ~ TV + 2"));
    assertEquals("--formula 'sales ~ TV:1': the intercept (0 or 1) cannot be used with ':' at "
        + "position 12; add or remove it with '+ 1' or '- 1'", termsError("sales ~ TV:1"));
    assertEquals("--formula 'sales ~ (TV - 1)*radio': the intercept (0 or 1) cannot be used "
        + "with '*' at position 15; add or remove it with '+ 1' or '- 1'",
        termsError("sales ~ (TV - 1)*radio"));
  }

  @Test
  void unknownColumnsWithAHint() {
    assertEquals("--formula 'sales ~ TVV + radio': no column 'TVV' (did you mean 'TV'?); the "
        + "columns are: TV, radio, newspaper, sales", termsError("sales ~ TVV + radio"));
    assertEquals("--formula 'sales ~ I(Radio^2)': no column 'Radio' (did you mean 'radio'?); "
        + "the columns are: TV, radio, newspaper, sales", termsError("sales ~ I(Radio^2)"));
    assertEquals("--formula 'sale ~ TV': no column 'sale' (did you mean 'sales'?); the columns"
        + " are: TV, radio, newspaper, sales", termsError("sale ~ TV"));
    assertEquals("--formula 'sales ~ weather': no column 'weather'; the columns are: TV, radio,"
        + " newspaper, sales", termsError("sales ~ weather"));
  }

  @Test
  void labelOnTheRightOrNothingToFit() {
    assertEquals("--formula 'sales ~ TV + sales': the label 'sales' is also on the right side;"
        + " a column cannot explain itself", termsError("sales ~ TV + sales"));
    assertEquals("--formula 'sales ~ I(sales^2)': the label 'sales' is also on the right side;"
        + " a column cannot explain itself", termsError("sales ~ I(sales^2)"));
    for (String f : List.of("sales ~ 0", "sales ~ -1", "sales ~ TV - TV - 1", "sales ~ 1 - 1")) {
      assertEquals("--formula '" + f + "': has no terms and no intercept; there is nothing to "
          + "fit", termsError(f));
    }
  }

  @Test
  void bindingErrors() {
    Formula f = Formula.parse("sales ~ TV + I(market^2)");
    List<String> columns = List.of("TV", "market", "sales");
    Map<String, ColumnKind> kinds = Map.of("TV", ColumnKind.NUMERIC, "market", ColumnKind.STRING,
        "sales", ColumnKind.NUMERIC);
    Map<String, List<String>> levels = Map.of("market", List.of("east", "west"));
    assertEquals("--formula 'sales ~ TV + I(market^2)': I(market^2): column 'market' holds "
        + "strings; only a numeric column can be raised to a power",
        assertThrows(UserError.class, () -> f.bind(columns, kinds, levels)).getMessage());

    Formula label = Formula.parse("market ~ TV");
    assertEquals("--formula 'market ~ TV': the label 'market' holds strings; it must be numeric",
        assertThrows(UserError.class, () -> label.bind(columns, kinds, levels)).getMessage());

    Formula single = Formula.parse("sales ~ TV + market");
    UserError one = assertThrows(UserError.class,
        () -> single.bind(columns, kinds, Map.of("market", List.of("east", "east"))));
    assertEquals("column 'market' has the single value 'east'; a string column in a formula "
        + "needs at least two levels", one.getMessage());
    assertEquals(UserError.EXIT_CODE, one.exitCode());
    assertEquals("column 'market' has no values; a string column in a formula needs at least "
        + "two levels", assertThrows(UserError.class,
            () -> single.bind(columns, kinds, Map.of("market", List.of()))).getMessage());
  }
}
