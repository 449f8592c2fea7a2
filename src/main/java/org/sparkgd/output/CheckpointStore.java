package org.sparkgd.output;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sparkgd.UserError;
import org.sparkgd.config.FitConfig;
import org.sparkgd.optim.DescentState;

/**
 * Checkpoints of a fit in {@code <output>.checkpoint/}: the run's configuration, a fingerprint of
 * its input and the descent's state. Each is written to a temporary file and renamed to
 * {@code checkpoint-<iteration>.json}, so a reader only ever sees complete ones; older ones are
 * then removed. Doubles are written in Java's shortest round-trip form, so they read back
 * exactly and a resumed fit ends bit for bit as an uninterrupted one.
 */
public final class CheckpointStore {
  /** 2: the configuration nested (input, output, descent) and each run's step state by name. */
  public static final int FORMAT_VERSION = 2;
  private static final String PREFIX = "checkpoint-";
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private final FileSystem fs;
  private final Path dir;
  private final String output;

  public CheckpointStore(Configuration conf, String output) {
    this.output = output;
    try {
      Path target = new Path(output);
      this.fs = OutputCommitter.withoutChecksums(target.getFileSystem(conf));
      this.dir = fs.makeQualified(new Path(target.getParent(), target.getName() + ".checkpoint"));
    } catch (IOException | IllegalArgumentException e) {
      throw new UserError(output + ": not a usable output path: " + e.getMessage(), e);
    }
  }

  /** What a checkpoint holds. */
  public record Checkpoint(int formatVersion, FitConfig config, List<String> inputFingerprint,
      DescentState state) {}

  public Path dir() {
    return dir;
  }

  public void save(FitConfig config, List<String> inputFingerprint, DescentState state) {
    Path temporary = new Path(dir, "." + PREFIX + state.passes() + ".tmp");
    Path file = new Path(dir, String.format("%s%012d.json", PREFIX, state.passes()));
    try {
      fs.mkdirs(dir);
      try (OutputStream out = fs.create(temporary, true)) {
        JSON.writeValue(out, new Checkpoint(FORMAT_VERSION, config, inputFingerprint, state));
      }
      fs.delete(file, false);
      if (!fs.rename(temporary, file)) {
        throw new IOException("cannot rename " + temporary + " to " + file);
      }
      for (FileStatus old : checkpoints()) {
        if (!old.getPath().equals(file)) {
          fs.delete(old.getPath(), false);
        }
      }
    } catch (IOException e) {
      throw new OutputCommitter.UncheckedOutputException(
          dir + ": cannot save a checkpoint: " + e.getMessage(), e);
    }
  }

  /** The latest checkpoint, or a one-line error when there is none. */
  public Checkpoint latest() {
    FileStatus[] all = checkpoints();
    if (all.length == 0) {
      throw new UserError(output + ": no checkpoint to resume from (looked in " + dir
          + "); was the fit run with --checkpoint-every?");
    }
    Path newest = all[all.length - 1].getPath();
    try (InputStream in = fs.open(newest)) {
      JsonNode tree = JSON.readTree(in);
      int version = tree.path("formatVersion").asInt(0);
      if (version != FORMAT_VERSION) {
        throw new UserError(newest + ": checkpoint format " + version + " was written by "
            + (version < FORMAT_VERSION ? "an older" : "a newer") + " sparkgd (this one reads "
            + "format " + FORMAT_VERSION + "); start the fit again without --resume");
      }
      return JSON.treeToValue(tree, Checkpoint.class);
    } catch (IOException e) {
      throw new UserError(newest + ": cannot read the checkpoint: " + e.getMessage(), e);
    }
  }

  /** Removes the checkpoints once the fit's output is committed. */
  public void delete() {
    try {
      fs.delete(dir, true);
    } catch (IOException e) {
      // Left behind, it costs disk space only; the output is already complete.
    }
  }

  private FileStatus[] checkpoints() {
    try {
      if (!fs.exists(dir)) {
        return new FileStatus[0];
      }
      FileStatus[] all = fs.listStatus(dir, p -> p.getName().startsWith(PREFIX)
          && p.getName().endsWith(".json"));
      Arrays.sort(all, Comparator.comparing(s -> s.getPath().getName()));
      return all;
    } catch (IOException e) {
      throw new UserError(dir + ": cannot list checkpoints: " + e.getMessage(), e);
    }
  }
}
