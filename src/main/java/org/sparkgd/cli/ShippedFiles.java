package org.sparkgd.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.apache.spark.SparkConf;
import org.apache.spark.deploy.SparkHadoopUtil;

/**
 * The files shipped with {@code spark-submit --files} ({@code spark.files}), found by name before
 * the Spark session starts: on YARN they lie in the driver's working folder, but a standalone
 * cluster's driver only gets the URIs spark-submit recorded, so {@code --config NAME} reads the
 * shipped file from there.
 */
final class ShippedFiles {
  private ShippedFiles() {}

  /** The URI among {@code spark.files} whose last part is {@code name}. */
  static Optional<URI> find(String name) {
    String files = System.getProperty("spark.files", "");
    return Arrays.stream(files.split(",")).map(String::strip).filter(f -> !f.isEmpty())
        .map(URI::create)
        .filter(u -> u.getPath() != null && Path.of(u.getPath()).getFileName() != null
            && Path.of(u.getPath()).getFileName().toString().equals(name))
        .findFirst();
  }

  /** Opens a shipped file: local ones directly, others through Hadoop with Spark's settings. */
  static InputStream open(URI uri) throws IOException {
    if (uri.getScheme() == null || uri.getScheme().equals("file")) {
      return Files.newInputStream(Path.of(uri.getPath()));
    }
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(uri);
    return path.getFileSystem(SparkHadoopUtil.get().newConfiguration(new SparkConf()))
        .open(path);
  }
}
