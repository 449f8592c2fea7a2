package org.sparkgd.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.sparkgd.UserError;

/**
 * The value type of a {@link FitOption}: what the command-line parser reads the text into
 * ({@link #parsed}, split at commas into a list of {@link #element} when that is set), how that
 * becomes the value the options hold ({@link #value}), and how a value is written as the command
 * line spells it ({@link #text}: the defaults that {@code --help} shows).
 */
public final class OptionType {
  public static final OptionType NUMBER = new OptionType(double.class, null,
      (flag, v) -> v, v -> number((Double) v));
  public static final OptionType LONG = plain(long.class);
  public static final OptionType INT = plain(int.class);
  /** A switch: present means true. */
  public static final OptionType FLAG = plain(boolean.class);
  public static final OptionType TEXT = plain(String.class);
  public static final OptionType NUMBERS = new OptionType(List.class, Double.class,
      (flag, v) -> v, v -> numbers((List<?>) v));
  /** {@code auto} (an empty list) or numbers separated by commas. */
  public static final OptionType AUTO_OR_NUMBERS = new OptionType(String.class, null,
      OptionType::autoOrNumbers, v -> ((List<?>) v).isEmpty() ? "auto" : numbers((List<?>) v));

  /** The Java type the parser reads the text into; a list's element type; null: not a list. */
  public final Class<?> parsed;
  public final Class<?> element;
  private final BiFunction<String, Object, Object> value;
  private final Function<Object, String> text;

  private OptionType(Class<?> parsed, Class<?> element, BiFunction<String, Object, Object> value,
      Function<Object, String> text) {
    this.parsed = parsed;
    this.element = element;
    this.value = value;
    this.text = text;
  }

  private static OptionType plain(Class<?> type) {
    return new OptionType(type, null, (flag, v) -> v, String::valueOf);
  }

  /** An enum the parser converts itself (any case): {@code --mode minibatch}. */
  public static OptionType enumeration(Class<? extends Enum<?>> type) {
    return new OptionType(type, null, (flag, v) -> v, v -> Choices.word((Enum<?>) v));
  }

  /** An enum spelt as {@link Choices} words ({@code line-search}), read after parsing. */
  public static <E extends Enum<E>> OptionType choice(Class<E> type) {
    return new OptionType(String.class, null, (flag, v) -> Choices.parse(flag, (String) v, type),
        v -> Choices.word((Enum<?>) v));
  }

  /** Several {@link Choices} words separated by commas: one run each. */
  public static <E extends Enum<E>> OptionType choices(Class<E> type) {
    return new OptionType(List.class, String.class,
        (flag, v) -> ((List<?>) v).stream().map(w -> Choices.parse(flag, (String) w, type))
            .toList(),
        v -> ((List<?>) v).stream().map(c -> Choices.word((Enum<?>) c))
            .collect(Collectors.joining(",")));
  }

  /** The value the options hold, from what the parser read for the option {@code flag}. */
  public Object value(String flag, Object parsedValue) {
    return value.apply(flag, parsedValue);
  }

  /** A value as the command line spells it: 100, 0.25, 1e-8, line-search, auto. */
  public String text(Object value) {
    return text.apply(value);
  }

  /** A double as a person writes it: 100, 0.25, 1e-8. */
  static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v).replaceFirst("\\.0E", "E").replace('E', 'e');
  }

  private static String numbers(List<?> values) {
    return values.stream().map(v -> number((Double) v)).collect(Collectors.joining(","));
  }

  private static List<Double> autoOrNumbers(String flag, Object parsedValue) {
    String text = (String) parsedValue;
    if (text.strip().equalsIgnoreCase("auto")) {
      return List.of();
    }
    List<Double> values = new ArrayList<>();
    for (String part : text.split(",")) {
      try {
        values.add(Double.parseDouble(part.strip()));
      } catch (NumberFormatException e) {
        throw UserError.usage(flag + " takes auto or numbers separated by commas, got '"
            + text + "'");
      }
    }
    return values;
  }
}
