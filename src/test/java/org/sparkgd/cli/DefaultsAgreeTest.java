package org.sparkgd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sparkgd.config.DescentOptions;
import org.sparkgd.config.FitConfig;
import org.sparkgd.config.OptionDefaults;
import org.sparkgd.config.OptionHelp;

/**
 * conf/sparkgd.properties, {@code fit --help} and the command line's parsed defaults all say
 * what the one defaults table says.
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
  void thePropertiesFileListsEveryDefaultAndChangesNothing() throws IOException {
    Properties file = properties();
    Map<String, String> defaults = OptionDefaults.fit();
    assertEquals(defaults.keySet(), file.stringPropertyNames(),
        "the file lists exactly the options that have defaults");
    FitConfig builtIn = SparkGd.fitConfig(REQUIRED);
    String[] withFile = new String[REQUIRED.length + 2];
    System.arraycopy(REQUIRED, 0, withFile, 0, REQUIRED.length);
    withFile[REQUIRED.length] = "--config";
    withFile[REQUIRED.length + 1] = PROPERTIES.toString();
    assertEquals(builtIn, SparkGd.fitConfig(withFile),
        "the properties file's values parse to the built-in defaults");
    assertEquals(DescentOptions.DEFAULTS, builtIn.descent());
  }

  /** One text, three surfaces: --help, the properties file's comment and the ML Param's doc. */
  @Test
  void theToleranceHasOneHelpText() throws IOException {
    String text = OptionHelp.TOLERANCE;
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
  void helpShowsEachDefaultOfTheTable() {
    String help = CliRunner.run("fit", "--help").out();
    Set<String> flags = Set.of("gradient-check");
    for (Map.Entry<String, String> d : OptionDefaults.fit().entrySet()) {
      String option = "--" + d.getKey();
      assertTrue(help.contains(option), option);
      if (!flags.contains(d.getKey())) {
        String shown = "Default: " + d.getValue();
        int at = help.indexOf(option);
        int next = help.indexOf("\n  -", at + 1);
        String block = help.substring(at, next < 0 ? help.length() : next);
        assertTrue(block.replaceAll("\\s+", " ").contains(shown), option + " shows " + shown
            + " in: " + block);
      }
    }
  }
}
