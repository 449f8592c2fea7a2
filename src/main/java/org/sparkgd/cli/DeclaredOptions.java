package org.sparkgd.cli;

import java.util.List;
import org.sparkgd.config.FitOption;
import org.sparkgd.config.OptionType;
import org.sparkgd.config.OptionValues;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code sparkgd fit}'s options that have a default, made from their one declaration
 * ({@link FitOption}: name, label, type, help) when picocli builds the command, and their
 * values read back after parsing. Their defaults come from {@link FitDefaults}.
 */
public final class DeclaredOptions implements IModelTransformer {
  /** --help lists --input first, then how to read it (--format, --delimiter) … */
  static final int FIRST = -2;
  /** … then FitCommand's other options (order -1), then the rest in FitOption's order. */
  static final int ORDER = 1;
  /** --master, --config and --resume come after them, then --help and --version. */
  static final int AFTER = 2;
  private static final int LAST = 3;

  @Override
  public CommandSpec transform(CommandSpec fit) {
    for (FitOption option : FitOption.values()) {
      fit.addOption(spec(option));
    }
    for (String standard : List.of("--help", "--version")) {
      OptionSpec option = fit.findOption(standard);
      fit.remove(option);
      fit.addOption(option.toBuilder().order(LAST).build());
    }
    return fit;
  }

  private static OptionSpec spec(FitOption option) {
    OptionType type = option.type();
    boolean reading = option == FitOption.FORMAT || option == FitOption.DELIMITER;
    OptionSpec.Builder b = OptionSpec.builder(option.flag()).description(option.help())
        .order(reading ? FIRST : ORDER);
    if (type == OptionType.FLAG) {
      b.type(boolean.class).arity("0");
    } else if (type.element != null) {
      b.type(List.class).auxiliaryTypes(type.element).splitRegex(",");
    } else {
      b.type(type.parsed);
    }
    return (type == OptionType.FLAG ? b : b.paramLabel(option.label())).build();
  }

  /** The values fit's command line (with its defaults) gave the declared options. */
  static OptionValues values(CommandSpec fit) {
    OptionValues values = OptionValues.defaults();
    for (FitOption option : FitOption.values()) {
      Object parsed = fit.findOption(option.flag()).getValue();
      values = values.with(option, option.type().value(option.flag(), parsed));
    }
    return values;
  }
}
