package org.sparkgd.config;

import java.util.Arrays;
import java.util.Locale;
import org.sparkgd.UserError;

/**
 * The one spelling of an enum choice on the command line, in the properties file and in the
 * Spark ML Params: lower case with hyphens ({@code LINE_SEARCH} is {@code line-search}).
 */
public final class Choices {
  private Choices() {}

  /** The option word of a constant: {@code LINE_SEARCH} → {@code line-search}. */
  public static String word(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Every option word of an enum, in declaration order. */
  public static <E extends Enum<E>> String[] words(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(Choices::word).toArray(String[]::new);
  }

  /** The constant an option word names (any case), or a usage error naming the option. */
  public static <E extends Enum<E>> E parse(String option, String value, Class<E> type) {
    String name = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(name)) {
        return constant;
      }
    }
    throw UserError.usage(option + " must be one of " + String.join(", ", words(type))
        + ", got '" + value + "'");
  }
}
