package org.sparkgd.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.sparkgd.UserError;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A properties file of option defaults ({@code learning-rate=0.05}), given by {@code --config}.
 * Options on the command line override it. Unknown keys are refused rather than ignored, so a
 * misspelt key cannot silently leave a default in place.
 */
final class ConfigFile {
  static final String OPTION = "--config";

  private ConfigFile() {}

  /** The file named by {@code --config FILE} or {@code --config=FILE}, if any. */
  static File find(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals(OPTION) && i + 1 < args.length) {
        return new File(args[i + 1]);
      }
      if (args[i].startsWith(OPTION + "=")) {
        return new File(args[i].substring(OPTION.length() + 1));
      }
    }
    return null;
  }

  /** Reads the file and checks its keys against the options of {@code command}. */
  static Properties load(CommandSpec command, File file) {
    Properties properties = new Properties();
    // A bare name missing here may be a file shipped with --files to a driver on the cluster.
    Optional<URI> shipped = file.exists() || file.getParent() != null ? Optional.empty()
        : ShippedFiles.find(file.getName());
    try (InputStream in = shipped.isPresent() ? ShippedFiles.open(shipped.get())
        : Files.newInputStream(file.toPath())) {
      properties.load(in);
    } catch (IOException e) {
      String why = !(e instanceof NoSuchFileException) ? e.getMessage()
          : shipped.isEmpty() && file.getParent() == null
              ? "no such file here, nor shipped with --files" : "no such file";
      throw UserError.usage(shipped.map(URI::toString).orElse(file.toString())
          + ": cannot read the config file: " + why);
    }
    List<String> known = command.options().stream().map(ConfigFile::key).toList();
    for (String key : properties.stringPropertyNames()) {
      if (!known.contains(key)) {
        throw UserError.usage(file + ": unknown key '" + key + "'; keys are option names "
            + "without the dashes: " + String.join(", ", known));
      }
    }
    return properties;
  }

  static String key(OptionSpec option) {
    return option.longestName().replaceFirst("^-+", "");
  }
}
