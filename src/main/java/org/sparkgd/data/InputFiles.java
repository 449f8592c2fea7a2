package org.sparkgd.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.sparkgd.UserError;

/**
 * The files behind an input path (a file, a directory of parts, or a glob), listed through the
 * Hadoop FileSystem API so that {@code file://}, {@code hdfs://} and {@code s3a://} all work.
 * Hidden files ({@code _SUCCESS}, {@code .crc}) are skipped, as Spark and Hadoop do.
 */
public final class InputFiles {
  private final String path;
  private final List<FileStatus> files;
  /** Each file's Parquet footer once read, else null. */
  private List<ParquetMetadata> footers;

  private InputFiles(String path, List<FileStatus> files) {
    this.path = path;
    this.files = files;
  }

  /** Lists the files, or fails with a one-line error when there are none. */
  public static InputFiles list(Configuration conf, String path) {
    try {
      Path p = new Path(path);
      FileSystem fs = p.getFileSystem(conf);
      FileStatus[] matches = fs.globStatus(p);
      if (matches == null || matches.length == 0) {
        throw new UserError(path + ": no such file or directory");
      }
      List<FileStatus> files = new ArrayList<>();
      for (FileStatus match : matches) {
        if (match.isDirectory()) {
          for (FileStatus child : fs.listStatus(match.getPath(), InputFiles::isVisible)) {
            if (child.isFile()) {
              files.add(child);
            }
          }
        } else if (isVisible(match.getPath())) {
          files.add(match);
        }
      }
      if (files.isEmpty()) {
        throw new UserError(path + ": the directory holds no data files");
      }
      files.sort(Comparator.comparing(f -> f.getPath().toString()));
      return new InputFiles(path, files);
    } catch (IOException e) {
      throw new UserError(path + ": cannot be listed: " + e.getMessage(), e);
    }
  }

  static boolean isVisible(Path p) {
    String name = p.getName();
    return !name.startsWith("_") && !name.startsWith(".");
  }

  public String path() {
    return path;
  }

  public List<FileStatus> files() {
    return files;
  }

  public long totalBytes() {
    return files.stream().mapToLong(FileStatus::getLen).sum();
  }

  /**
   * Each file's Parquet footer, in the files' order, read once: the layout of the rows and the
   * cache's size both need them, and each read is a request to the file system.
   */
  public synchronized List<ParquetMetadata> parquetFooters(Configuration conf) {
    if (footers == null) {
      // Options from the job's configuration: without one, each file built a Configuration of
      // its own, reading Hadoop's default XML files again (JFR: most of the footers' time).
      ParquetReadOptions options = HadoopReadOptions.builder(conf).build();
      List<ParquetMetadata> read = new ArrayList<>();
      for (FileStatus file : files) {
        try (ParquetFileReader reader = ParquetFileReader.open(
            HadoopInputFile.fromStatus(file, conf), options)) {
          read.add(reader.getFooter());
        } catch (IOException e) {
          throw new UserError(file.getPath() + ": cannot be read as Parquet: " + e.getMessage(),
              e);
        }
      }
      footers = List.copyOf(read);
    }
    return footers;
  }

  /** True when every file is named {@code *.parquet} (Spark's own part files are). */
  public boolean looksLikeParquet() {
    return files.stream().allMatch(f -> f.getPath().getName().endsWith(".parquet"));
  }

  /**
   * The first line of the first non-empty file, without a byte-order mark.
   *
   * @throws UserError when every file is empty
   */
  public FirstLine firstLine(Configuration conf) {
    CompressionCodecFactory codecs = new CompressionCodecFactory(conf);
    for (FileStatus f : files) {
      if (f.getLen() == 0) {
        continue;
      }
      try (InputStream in = open(conf, codecs, f.getPath());
          BufferedReader reader = new BufferedReader(
              new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line = reader.readLine();
        if (line != null && !line.isBlank()) {
          return new FirstLine(f.getPath().toString(), line.replaceFirst("^\uFEFF", ""));
        }
      } catch (IOException e) {
        throw new UserError(f.getPath() + ": cannot be read: " + e.getMessage(), e);
      }
    }
    throw new UserError(path + ": " + (files.size() == 1 ? "the file is empty"
        : "all " + files.size() + " files are empty"));
  }

  /** A header line and the file it came from. */
  public record FirstLine(String file, String line) {}

  static InputStream open(Configuration conf, CompressionCodecFactory codecs, Path p)
      throws IOException {
    InputStream raw = p.getFileSystem(conf).open(p);
    CompressionCodec codec = codecs.getCodec(p);
    return codec == null ? raw : codec.createInputStream(raw);
  }

  @Override
  public String toString() {
    return path + " (" + files.size() + " file" + (files.size() == 1 ? "" : "s") + ")";
  }

  /** Each file's path, length and modification time: changes when the input does. */
  public List<String> fingerprint() {
    return files.stream()
        .map(f -> f.getPath() + " " + f.getLen() + " bytes, modified " + f.getModificationTime())
        .toList();
  }
}
