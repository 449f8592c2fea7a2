package org.sparkgd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkgd.UserError;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The driver's side of --deploy-mode cluster, without a cluster (ClusterIT runs the real one). */
class DriverOnClusterTest {
  @TempDir
  Path dir;

  @AfterEach
  void clear() {
    System.clearProperty("spark.files");
  }

  @Test
  void theStatusIsWrittenWithTheExitCodeLast() throws IOException {
    DriverStatus.write(dir.toString(), 3, "summary\n", "sparkgd: error: no column 'x9'\n");
    assertEquals("3", Files.readString(dir.resolve("exit-code")).strip());
    assertEquals("summary\n", Files.readString(dir.resolve("stdout")));
    assertEquals("sparkgd: error: no column 'x9'\n", Files.readString(dir.resolve("stderr")));
    assertFalse(Files.exists(dir.resolve("exit-code.partial")));
  }

  @Test
  void aStatusFolderMissingOnTheDriversMachineIsNotCreated() {
    Path elsewhere = dir.resolve("on-the-submitting-machine");
    DriverStatus.write(elsewhere.toString(), 0, "", "");
    assertFalse(Files.exists(elsewhere));
  }

  /** The script's side: the outcome copied to its disk, the driver's folder removed. */
  @Test
  void theStatusIsFetchedWholeAndRemoved() throws IOException {
    Path status = Files.createDirectory(dir.resolve(".out.sparkgd-status-1"));
    DriverStatus.write(status.toUri().toString(), 4, "diverged\n", "");
    Path local = Files.createDirectory(dir.resolve("local"));
    DriverStatus.fetch(status.toUri().toString(), local);
    assertEquals("4", Files.readString(local.resolve("exit-code")).strip());
    assertEquals("diverged\n", Files.readString(local.resolve("stdout")));
    assertEquals("", Files.readString(local.resolve("stderr")));
    assertFalse(Files.exists(status));
    try (var left = Files.list(local)) {
      assertEquals(3, left.count(), "no .crc files");
    }
  }

  @Test
  void aConfigNameNotHereIsReadFromTheFileShippedWithFiles() throws IOException {
    Path shipped = Files.writeString(dir.resolve("cluster.properties"), "learning-rate = 0.2\n");
    System.setProperty("spark.files", "file:/elsewhere/other.txt, " + shipped.toUri());
    Properties read = ConfigFile.load(fit(), new File("cluster.properties"));
    assertEquals("0.2", read.getProperty("learning-rate"));
  }

  @Test
  void aConfigNeitherHereNorShippedIsAOneLineUsageError() {
    System.setProperty("spark.files", "file:/elsewhere/other.properties");
    UserError e = assertThrows(UserError.class,
        () -> ConfigFile.load(fit(), new File("cluster.properties")));
    assertEquals(UserError.USAGE_EXIT_CODE, e.exitCode());
    assertEquals("cluster.properties: cannot read the config file: no such file here, nor "
        + "shipped with --files", e.getMessage());
  }

  private static CommandSpec fit() {
    return new CommandLine(new SparkGd(null)).getSubcommands().get("fit").getCommandSpec();
  }
}
