package org.sparkgd.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outcome of a driver that runs on the cluster ({@code --deploy-mode cluster}), for the
 * script that submitted it: spark-submit reports neither the driver's exit code nor what it
 * printed. When the Spark conf {@value #PROPERTY} names a folder (scripts/sparkgd passes a fresh
 * one), the driver writes {@code stdout}, {@code stderr} and, last, {@code exit-code} there.
 */
final class DriverStatus {
  static final String PROPERTY = "spark.sparkgd.statusDir";
  private static final Logger LOG = LoggerFactory.getLogger(DriverStatus.class);

  private DriverStatus() {}

  /** Runs the command line as {@link SparkGd#execute} does, and records its outcome if asked. */
  static int run(String[] args, Sessions sessions) {
    String dir = System.getProperty(PROPERTY);
    if (dir == null || dir.isEmpty()) {
      return SparkGd.execute(args, sessions, new PrintWriter(System.out, true),
          new PrintWriter(System.err, true));
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = SparkGd.execute(args, sessions, tee(System.out, out), tee(System.err, err));
    write(Path.of(dir), code, out.toString(), err.toString());
    return code;
  }

  /**
   * Writes into an existing folder only: a driver on a machine that does not share the
   * submitter's file system must not create the folder there; the script then says so.
   */
  static void write(Path dir, int code, String out, String err) {
    try {
      if (!Files.isDirectory(dir)) {
        LOG.warn("No status folder {} on this machine: the submitting script cannot see the "
            + "outcome", dir);
        return;
      }
      Files.writeString(dir.resolve("stdout"), out, StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("stderr"), err, StandardCharsets.UTF_8);
      // exit-code appears last and whole: the script reads the others once it exists.
      Path partial = Files.writeString(dir.resolve("exit-code.partial"), code + "\n");
      Files.move(partial, dir.resolve("exit-code"), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      LOG.warn("Could not write the driver's status to {}", dir, e);
    }
  }

  /** A writer that prints to {@code stream} and keeps a copy in {@code copy}. */
  private static PrintWriter tee(PrintStream stream, StringWriter copy) {
    PrintWriter console = new PrintWriter(stream, true);
    return new PrintWriter(new Writer() {
      @Override
      public void write(char[] buffer, int offset, int length) {
        console.write(buffer, offset, length);
        copy.write(buffer, offset, length);
      }

      @Override
      public void flush() {
        console.flush();
      }

      @Override
      public void close() {
        console.flush();
      }
    }, true);
  }
}
