package org.sparkgd.config;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A value for every {@link FitOption}, each its default until set: what the command line and
 * the properties file gave, before it becomes {@link DescentOptions} and the rest of a
 * {@link FitConfig}. Immutable.
 */
public final class OptionValues {
  private final Map<FitOption, Object> values;

  private OptionValues(Map<FitOption, Object> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /** Every option at its declared default. */
  public static OptionValues defaults() {
    Map<FitOption, Object> m = new EnumMap<>(FitOption.class);
    for (FitOption option : FitOption.values()) {
      m.put(option, option.defaultValue());
    }
    return new OptionValues(m);
  }

  /** These values with {@code option} set to {@code value} (of the option's value type). */
  public OptionValues with(FitOption option, Object value) {
    Map<FitOption, Object> m = new EnumMap<>(values);
    m.put(option, value);
    return new OptionValues(m);
  }

  /** The option's value, as the type the caller expects: {@code double f = v.get(BATCH_FRACTION)}. */
  @SuppressWarnings("unchecked")
  public <T> T get(FitOption option) {
    return (T) values.get(option);
  }

  /** Checks each value against its option's rule: the first bad one is a usage error. */
  void check() {
    values.forEach(FitOption::check);
  }
}
