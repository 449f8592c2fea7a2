package org.sparkgd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sparkgd.config.DescentOptions;
import org.sparkgd.config.FitConfig;
import org.sparkgd.config.OptionDefaults;

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
