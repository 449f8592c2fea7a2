package org.sparkgd.output;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.sparkgd.UserError;

/**
 * Publishes a run's outputs: everything is written into a hidden staging folder beside the
 * target and renamed into place when complete; then, as the very last write, an empty
 * {@value #SUCCESS} marker goes into the target, as Hadoop and Spark mark a job's output. An
 * output without its marker is incomplete, and readers refuse it ({@link #requireComplete}):
 * on object stores (S3) a rename is a copy, object by object, so only the marker tells that all
 * of it is there. An existing target is refused unless overwriting, and then it loses its marker
 * first and is kept until the new output is in place. On the local file system nothing writes
 * Hadoop's {@code .crc} side files into the output.
 */
public final class OutputCommitter {
  /** The marker of a complete output, written last. */
  public static final String SUCCESS = "_SUCCESS";

  private final FileSystem fs;
  private final String output;
  private final Path target;
  private final Path staging;
  private final boolean overwrite;

  public OutputCommitter(Configuration conf, String output, boolean overwrite) {
    try {
      Path path = new Path(output);
      this.fs = withoutChecksums(path.getFileSystem(conf));
      this.target = fs.makeQualified(path);
    } catch (IOException | IllegalArgumentException e) {
      throw new UserError(output + ": not a usable output path: " + e.getMessage(), e);
    }
    this.output = output;
    this.overwrite = overwrite;
    this.staging = sibling("staging");
  }

  /** Fails at once, before any work, when the target exists and may not be replaced. */
  public void checkTarget() {
    if (!overwrite && exists(target)) {
      throw new UserError(output + " already exists; choose another --output or pass "
          + "--overwrite to replace it");
    }
  }

  /** The hidden folder to write into. */
  public Path staging() {
    return staging;
  }

  public FileSystem fileSystem() {
    return fs;
  }

  /**
   * Moves the staged output into place, replacing an old one only once the new one is there,
   * and writes the marker last.
   */
  public void commit() {
    checkTarget();
    try {
      removeChecksums(fs, staging);
      Path old = null;
      if (exists(target)) {
        fs.delete(new Path(target, SUCCESS), false); // no longer complete from here on
        old = sibling("replaced");
        rename(target, old);
      }
      if (!fs.rename(staging, target)) {
        if (old != null) {
          fs.rename(old, target);
        }
        throw new IOException("cannot rename " + staging + " to " + target);
      }
      fs.create(new Path(target, SUCCESS), true).close();
      if (old != null) {
        fs.delete(old, true);
      }
    } catch (IOException e) {
      throw new UncheckedOutputException(output + ": cannot commit the output: " + e.getMessage(),
          e);
    }
  }

  /** Removes whatever was staged; the target is left as it was. */
  public void abort() {
    try {
      fs.delete(staging, true);
    } catch (IOException e) {
      // Best effort: a hidden staging folder never looks like a complete output.
    }
  }

  /**
   * Refuses a folder that has no {@value #SUCCESS} marker: a run that wrote it died before its
   * commit ended, or is still copying it into place. A folder that does not exist passes, so
   * that the caller reports it in its own words.
   */
  public static void requireComplete(Configuration conf, String dir) {
    Path path = new Path(dir);
    try {
      FileSystem fs = path.getFileSystem(conf);
      if (fs.getFileStatus(path).isDirectory() && !fs.exists(new Path(path, SUCCESS))) {
        throw new UserError(dir + ": incomplete output (no " + SUCCESS + " marker): the fit "
            + "that wrote it did not finish; rerun it");
      }
    } catch (FileNotFoundException e) {
      // reported by the caller
    } catch (IOException e) {
      throw new UserError(dir + ": cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * The file system to write outputs with: on the local disk the raw one, which writes no
   * {@code .crc} side file beside each file (other file systems keep their checksums inside).
   */
  public static FileSystem withoutChecksums(FileSystem fs) {
    return fs instanceof ChecksumFileSystem checksummed ? checksummed.getRawFileSystem() : fs;
  }

  /** Deletes the {@code .crc} files that Spark's writers left in a local folder. */
  public static void removeChecksums(FileSystem checksummed, Path dir) throws IOException {
    FileSystem fs = withoutChecksums(checksummed); // the checksummed one does not list them
    if (!"file".equals(fs.getUri().getScheme()) || !fs.exists(dir)) {
      return;
    }
    RemoteIterator<LocatedFileStatus> files = fs.listFiles(dir, true);
    while (files.hasNext()) {
      Path file = files.next().getPath();
      if (file.getName().startsWith(".") && file.getName().endsWith(".crc")) {
        fs.delete(file, false);
      }
    }
  }

  private Path sibling(String purpose) {
    return new Path(target.getParent(),
        "." + target.getName() + ".sparkgd-" + purpose + "-" + UUID.randomUUID());
  }

  private boolean exists(Path p) {
    try {
      return fs.exists(p);
    } catch (IOException e) {
      throw new UncheckedOutputException(p + ": cannot be checked: " + e.getMessage(), e);
    }
  }

  private void rename(Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("cannot rename " + from + " to " + to);
    }
  }

  /** Writing failed for a reason outside the user's input (disk, permissions, file system). */
  public static final class UncheckedOutputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UncheckedOutputException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
