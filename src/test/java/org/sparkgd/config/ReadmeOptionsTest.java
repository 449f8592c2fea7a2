package org.sparkgd.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's options table against the options' one declaration ({@link FitOption}): every
 * option is in it, and the default it shows is the declared one, whether the option has a row
 * of its own ({@code | `--seed S` | `42` | …}) or is named with its default in another's
 * ({@code `--momentum` 0.9}, {@code `--lambda` (0)}).
 */
class ReadmeOptionsTest {
  /** A named option followed by a number, maybe in parentheses: its default. */
  private static final String INLINE_DEFAULT = "`,? \\(?([0-9][^ ),|]*)";

  private static List<String> tableRows() throws IOException {
    return Files.readAllLines(Path.of("README.md")).stream()
        .filter(line -> line.startsWith("| `--")).toList();
  }

  /** A row's cells, trimmed, without the outer bars. */
  private static String[] cells(String row) {
    String[] cells = row.substring(1, row.length() - 1).split("\\|");
    for (int i = 0; i < cells.length; i++) {
      cells[i] = cells[i].strip();
    }
    return cells;
  }

  /** The default as the README's default column writes it: a switch is "off". */
  private static String shown(FitOption option) {
    return option.type() == OptionType.FLAG ? (Boolean) option.defaultValue() ? "on" : "off"
        : "`" + option.defaultText() + "`";
  }

  @Test
  void everyDeclaredOptionIsInTheTableWithItsDefault() throws IOException {
    List<String> rows = tableRows();
    assertFalse(rows.isEmpty(), "README.md has the options table");
    for (FitOption option : FitOption.values()) {
      Optional<String> own = rows.stream().filter(r -> cells(r)[0].matches(
          "`" + Pattern.quote(option.flag()) + "( [^`]*)?`")).findFirst();
      if (own.isPresent()) {
        assertEquals(shown(option), cells(own.get())[1], option.flag() + "'s row: " + own.get());
        continue;
      }
      String mention = "`" + option.flag() + "`";
      String row = rows.stream().filter(r -> r.contains(mention)).findFirst()
          .orElseThrow(() -> new AssertionError(option.flag() + " is not in the README's "
              + "options table: give it a row (or name it, with its default, in a row)"));
      Matcher inline = Pattern.compile(Pattern.quote("`" + option.flag()) + INLINE_DEFAULT)
          .matcher(row);
      if (inline.find()) {
        assertEquals(option.defaultText(), inline.group(1), option.flag() + " in: " + row);
      }
    }
  }
}
