package org.sparkgd.config;

import java.util.List;
import java.util.function.DoublePredicate;
import org.sparkgd.UserError;

/**
 * What one option's numbers must be, and the one line that says so when one is not:
 * {@code --batch-fraction must be in (0, 1], got 1.5}. A list's numbers are checked each.
 * Checks that involve several options live in {@link DescentOptionsCheck}.
 */
public final class Rule {
  private final DoublePredicate test;
  private final String phrase;

  private Rule(DoublePredicate test, String phrase) {
    this.test = test;
    this.phrase = phrase;
  }

  /** {@code (0, 1]}, {@code [0, 1)}: the interval as mathematics writes it. */
  public static Rule in(String interval) {
    String[] bounds = interval.substring(1, interval.length() - 1).split(",");
    double low = Double.parseDouble(bounds[0].strip());
    double high = Double.parseDouble(bounds[1].strip());
    boolean lowIn = interval.startsWith("[");
    boolean highIn = interval.endsWith("]");
    return new Rule(v -> (lowIn ? v >= low : v > low) && (highIn ? v <= high : v < high),
        "in " + interval);
  }

  public static Rule above(double bound) {
    return new Rule(v -> v > bound, "> " + OptionType.number(bound));
  }

  public static Rule atLeast(double bound) {
    return new Rule(v -> v >= bound, "≥ " + OptionType.number(bound));
  }

  /** Also refuses infinity (NaN fails every comparison already). */
  public Rule finite() {
    return new Rule(test.and(Double::isFinite), phrase);
  }

  /** Adds a note to the message: {@code ≥ 0 (0: auto)}. */
  public Rule note(String note) {
    return new Rule(test, phrase + " (" + note + ")");
  }

  /** Says the rule in other words: {@code positive}. */
  public Rule saying(String words) {
    return new Rule(test, words);
  }

  /** Throws a usage error naming {@code flag} when {@code value} (a number or a list of them) breaks the rule. */
  void check(String flag, Object value) {
    for (Object v : value instanceof List<?> list ? list : List.of(value)) {
      if (!test.test(((Number) v).doubleValue())) {
        throw UserError.usage(flag + " must be " + phrase + ", got " + v);
      }
    }
  }
}
