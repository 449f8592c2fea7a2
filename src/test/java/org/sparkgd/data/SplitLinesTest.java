package org.sparkgd.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.lib.input.LineRecordReader;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each line of a file is read by exactly one split, whatever the split points, line ends
 * ({@code \n}, {@code \r\n}, lone {@code \r}) and buffer size: the same lines, with the same
 * offsets, as Hadoop's {@code LineRecordReader} reads in the same splits.
 */
class SplitLinesTest {
  private static final TaskAttemptContextImpl TASK = new TaskAttemptContextImpl(
      new Configuration(), new TaskAttemptID());

  @TempDir
  Path dir;

  /** A line and its byte offset. */
  private record Line(long offset, String text) {}

  private static List<Line> lines(byte[] file, long start, long end, int bufferBytes)
      throws IOException {
    List<Line> lines = new ArrayList<>();
    try (SplitLines split = new SplitLines(new ByteArrayInputStream(file, (int) start,
        file.length - (int) start), start, end, bufferBytes)) {
      while (split.next()) {
        lines.add(new Line(split.offset(), new String(split.bytes(), split.start(),
            split.end() - split.start(), StandardCharsets.UTF_8)));
      }
    }
    return lines;
  }

  private static List<Line> hadoopLines(Path file, long start, long end) throws IOException {
    List<Line> lines = new ArrayList<>();
    try (LineRecordReader reader = new LineRecordReader()) {
      reader.initialize(new FileSplit(new org.apache.hadoop.fs.Path(file.toUri()), start,
          end - start, new String[0]), TASK);
      while (reader.nextKeyValue()) {
        lines.add(new Line(reader.getCurrentKey().get(), reader.getCurrentValue().toString()));
      }
    }
    return lines;
  }

  /** Lines of random digits with random line ends, some blank, the last one unended. */
  private static byte[] mixedLines(Random random, int count) {
    StringBuilder text = new StringBuilder();
    String[] ends = {"\n", "\r\n", "\r", "\n\n", "\r\r\n"};
    for (int i = 0; i < count; i++) {
      int length = random.nextInt(12);
      for (int j = 0; j < length; j++) {
        text.append(j % 4 == 3 ? ',' : (char) ('0' + random.nextInt(10)));
      }
      if (i < count - 1 || random.nextBoolean()) {
        text.append(ends[random.nextInt(ends.length)]);
      }
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void splitsReadEachLineOnceAsHadoopDoes() throws IOException {
    Random random = new Random(7);
    for (int trial = 0; trial < 10; trial++) {
      byte[] bytes = mixedLines(random, 1 + random.nextInt(40));
      Path file = dir.resolve("lines-" + trial + ".csv");
      Files.write(file, bytes);
      List<Line> whole = lines(bytes, 0, bytes.length, 4);
      assertEquals(hadoopLines(file, 0, bytes.length), whole, "trial " + trial);
      // Every cut into two splits, and the same cuts into three.
      for (int cut = 1; cut < bytes.length; cut++) {
        String where = "trial " + trial + ", cut at " + cut;
        List<Line> first = lines(bytes, 0, cut, 1 + cut % 5);
        List<Line> second = lines(bytes, cut, bytes.length, 1 + cut % 3);
        assertEquals(hadoopLines(file, 0, cut), first, where);
        assertEquals(hadoopLines(file, cut, bytes.length), second, where);
        List<Line> both = new ArrayList<>(first);
        both.addAll(second);
        assertEquals(whole, both, where);
        int third = (cut + bytes.length) / 2;
        if (third > cut) {
          List<Line> three = new ArrayList<>(first);
          three.addAll(lines(bytes, cut, third, 2));
          three.addAll(lines(bytes, third, bytes.length, 3));
          assertEquals(whole, three, where + " and " + third);
        }
      }
    }
  }

  @Test
  void aLineLongerThanTheBufferGrowsIt() throws IOException {
    String longLine = "1,".repeat(3000) + "2";
    byte[] bytes = ("a,b\r\n" + longLine + "\r\n3,4").getBytes(StandardCharsets.UTF_8);
    assertEquals(List.of(new Line(0, "a,b"), new Line(5, longLine),
        new Line(5 + longLine.length() + 2, "3,4")), lines(bytes, 0, bytes.length, 16));
  }
}
