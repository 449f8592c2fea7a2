package org.sparkgd.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outcome of a driver that runs on the cluster ({@code --deploy-mode cluster}), for the
 * script that submitted it: spark-submit reports neither the driver's exit code nor what it
 * printed. When the Spark conf {@value #PROPERTY} names a folder (scripts/sparkgd passes one),
 * the driver writes {@code stdout}, {@code stderr} and, last, {@code exit-code} there. A plain
 * path is a folder on the submitting machine's disk, used only when the driver shares it; a URI
 * ({@code hdfs://}, {@code s3a://}) is a folder beside the output, on the output's file system,
 * which any driver reaches: {@link #main} copies it to the script's disk and removes it.
 */
public final class DriverStatus {
  static final String PROPERTY = "spark.sparkgd.statusDir";
  private static final String STDOUT = "stdout";
  private static final String STDERR = "stderr";
  private static final String EXIT_CODE = "exit-code";
  private static final Logger LOG = LoggerFactory.getLogger(DriverStatus.class);

  private DriverStatus() {}

  /**
   * Runs the command line as {@link SparkGd#execute} does, and records its outcome if asked;
   * then tells {@code sessions} the outcome is out (a signal's shutdown waits for that).
   */
  static int run(String[] args, Sessions sessions) {
    String dir = System.getProperty(PROPERTY);
    try {
      if (dir == null || dir.isEmpty()) {
        return SparkGd.execute(args, sessions, new PrintWriter(System.out, true),
            new PrintWriter(System.err, true));
      }
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = SparkGd.execute(args, sessions, tee(System.out, out), tee(System.err, err));
      write(dir, code, out.toString(), err.toString());
      return code;
    } finally {
      sessions.reported();
    }
  }

  /**
   * Writes the outcome into {@code dir}. A folder on this machine's disk is used only if it
   * exists: a driver on a machine that does not share the submitter's disk must not create it
   * there; the script then says so. A folder on another file system is created.
   */
  static void write(String dir, int code, String out, String err) {
    try {
      Path path = new Path(dir);
      FileSystem fs = fileSystem(path);
      if (fs.getUri().getScheme().equals("file") && !fs.isDirectory(path)) {
        LOG.warn("No status folder {} on this machine: the submitting script cannot see the "
            + "outcome", dir);
        return;
      }
      write(fs, new Path(path, STDOUT), out);
      write(fs, new Path(path, STDERR), err);
      // exit-code appears last and whole: the script reads the others once it exists.
      Path partial = new Path(path, EXIT_CODE + ".partial");
      write(fs, partial, code + "\n");
      if (!fs.rename(partial, new Path(path, EXIT_CODE))) {
        throw new IOException("cannot rename " + partial);
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("Could not write the driver's status to {}", dir, e);
    }
  }

  /**
   * {@code DriverStatus REMOTE LOCAL}: copies the outcome a driver left in the folder REMOTE
   * (any Hadoop file system; {@code -Dspark.hadoop.*} configure it, as for the driver) into the
   * existing local folder LOCAL, and removes REMOTE. Nothing there is not an error: the script
   * reports the missing outcome itself.
   */
  public static void main(String[] args) {
    try {
      fetch(args[0], java.nio.file.Path.of(args[1]));
    } catch (IOException | RuntimeException e) {
      System.err.println("sparkgd: error: cannot read the driver's outcome in " + args[0] + ": "
          + e.getMessage());
      System.exit(1);
    }
  }

  static void fetch(String dir, java.nio.file.Path local) throws IOException {
    Path remote = new Path(dir);
    FileSystem fs = fileSystem(remote);
    if (fs.exists(new Path(remote, EXIT_CODE))) {
      for (String name : new String[] {STDOUT, STDERR, EXIT_CODE}) {
        fs.copyToLocalFile(false, new Path(remote, name),
            new Path(local.resolve(name).toUri()), true);
      }
    }
    fs.delete(remote, true);
  }

  /** A folder on this disk is the raw local file system: no {@code .crc} side files. */
  private static FileSystem fileSystem(Path dir) throws IOException {
    Configuration conf = new Configuration();
    for (Map.Entry<Object, Object> e : System.getProperties().entrySet()) {
      String key = e.getKey().toString();
      if (key.startsWith("spark.hadoop.")) {
        conf.set(key.substring("spark.hadoop.".length()), e.getValue().toString());
      }
    }
    if (dir.toUri().getScheme() == null || dir.toUri().getScheme().equals("file")) {
      return FileSystem.getLocal(conf).getRawFileSystem();
    }
    return dir.getFileSystem(conf);
  }

  private static void write(FileSystem fs, Path file, String text) throws IOException {
    try (FSDataOutputStream stream = fs.create(file, true)) {
      stream.write(text.getBytes(StandardCharsets.UTF_8));
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
