package org.sparkgd.output;

import java.io.IOException;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sparkgd.UserError;

/**
 * Makes a run's outputs appear all at once: everything is written into a hidden staging folder
 * beside the target and renamed into place when complete. An existing target is refused unless
 * overwriting, and then it is kept until the new output is in place.
 */
public final class OutputCommitter {
  private final FileSystem fs;
  private final String output;
  private final Path target;
  private final Path staging;
  private final boolean overwrite;

  public OutputCommitter(Configuration conf, String output, boolean overwrite) {
    try {
      Path path = new Path(output);
      this.fs = path.getFileSystem(conf);
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

  /** Moves the staged output into place, replacing an old one only once the new one is there. */
  public void commit() {
    checkTarget();
    try {
      Path old = null;
      if (exists(target)) {
        old = sibling("replaced");
        rename(target, old);
      }
      if (!fs.rename(staging, target)) {
        if (old != null) {
          fs.rename(old, target);
        }
        throw new IOException("cannot rename " + staging + " to " + target);
      }
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
