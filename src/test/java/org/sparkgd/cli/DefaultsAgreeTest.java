package org.sparkgd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.sparkgd.config.DescentOptions;
import org.sparkgd.config.FitConfig;
import org.sparkgd.config.FitOption;
import org.sparkgd.config.OptionType;

/**
 * conf/sparkgd.properties, {@code fit --help} and the command line's parsed defaults all say
 * what the options' one declaration ({@link FitOption}) says.
 */
class DefaultsAgreeTest {
  private static final Path PROPERTIES = Path.of("conf", "sparkgd.properties");
  private static final String[] REQUIRED = {"--input", "in.csv", "--label", "y", "--features",
      "a,b", "--output", "out"};

  private static Properties properties() throws IOException {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(PROPERTIES)) {
      p.load(in);
    }
    return p;
  }

  @Test
  void eachKeyOfThePropertiesFileIsADeclaredOptionAtItsDefault() throws IOException {
    Properties file = properties();
    List<String> keys = Arrays.stream(FitOption.values()).map(FitOption::key).toList();
    for (String key : file.stringPropertyNames()) {
      assertTrue(keys.contains(key), key + " is declared in FitOption");
      FitOption option = FitOption.values()[keys.indexOf(key)];
      assertEquals(option.defaultText(), file.getProperty(key), key + "'s default");
    }
    FitConfig builtIn = SparkGd.fitConfig(REQUIRED);
    String[] withFile = new String[REQUIRED.length + 2];
    System.arraycopy(REQUIRED, 0, withFile, 0, REQUIRED.length);
    withFile[REQUIRED.length] = "--config";
    withFile[REQUIRED.length + 1] = PROPERTIES.toString();
    assertEquals(builtIn, SparkGd.fitConfig(withFile),
        "the properties file's values parse to the built-in defaults");
    assertEquals(DescentOptions.DEFAULTS, builtIn.descent(),
        "picocli's parse of each default text is the declared default");
  }

  /** One text, three surfaces: --help, the properties file's comment and the ML Param's doc. */
  @Test
  void theToleranceHasOneHelpText() throws IOException {
    String text = FitOption.TOLERANCE.help();
    String help = CliRunner.run("fit", "--help").out().replaceAll("\\s+", " ");
    assertTrue(help.contains(text), help);
    assertEquals(text, commentAbove("tolerance"));
    assertEquals(text + " (>= 0)", new org.sparkgd.ml.GradientDescentRegressor().tol().doc());
  }

  /** The comment lines right above the properties file's {@code key}, joined as one line. */
  private static String commentAbove(String key) throws IOException {
    List<String> lines = Files.readAllLines(PROPERTIES);
    int at = lines.indexOf(key + " = " + properties().getProperty(key));
    int first = at;
    while (first > 0 && lines.get(first - 1).startsWith("#")) {
      first--;
    }
    return String.join(" ", lines.subList(first, at).stream().map(l -> l.substring(1).strip())
        .toList());
  }

  @Test
  void helpShowsEachDeclaredOptionWithItsTextAndDefault() {
    String help = CliRunner.run("fit", "--help").out();
    for (FitOption option : FitOption.values()) {
      // The option's own line of the list, not the synopsis.
      int at = help.indexOf("\n      " + option.flag() + (option.label() == null ? " " : "="));
      assertTrue(at >= 0, option.flag());
      int next = help.indexOf("\n  -", at + 1);
      String block = help.substring(at, next < 0 ? help.length() : next).replaceAll("\\s+", " ");
      assertTrue(block.contains(option.help()), option.flag() + " shows its help in: " + block);
      if (option.type() != OptionType.FLAG) {
        String shown = "Default: " + option.defaultText();
        assertTrue(block.contains(shown), option.flag() + " shows " + shown + " in: " + block);
      }
    }
  }
}
