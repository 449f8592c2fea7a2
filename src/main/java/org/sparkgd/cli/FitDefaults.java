package org.sparkgd.cli;

import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.sparkgd.config.FitOption;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The defaults of {@code sparkgd fit}'s options: the {@code --config} file's value when it has
 * one, else the declared default ({@link FitOption#defaultText}). The other commands keep their
 * own.
 */
final class FitDefaults implements IDefaultValueProvider {
  private static final Map<String, String> BUILT_IN = Arrays.stream(FitOption.values())
      .collect(Collectors.toMap(FitOption::key, FitOption::defaultText));
  private final Properties file;

  /** @param file the --config file's values (empty without one) */
  FitDefaults(Properties file) {
    this.file = file;
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec option) || !"fit".equals(option.command().name())) {
      return null;
    }
    String key = ConfigFile.key(option);
    String value = file.getProperty(key);
    return value != null ? value : BUILT_IN.get(key);
  }
}
