package org.sparkgd.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparkgd.SparkTestSession;

/** The width part on a small grid: one filled row per width, rows × features held fixed. */
class WidthSweepTest {
  @Test
  void eachWidthHasItsRowAtTheSameCells() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Bench.execute(new String[] {"--parts", "width", "--width-cells", "6000",
        "--widths", "3,30,1000", "--repetitions", "1", "--warmup", "0"},
        SparkTestSession.get(), new PrintWriter(out, true), new PrintWriter(err, true));
    assertEquals(0, code, err.toString());
    String report = out.toString();
    List<String[]> rows = report.lines().filter(l -> l.matches("\\| [0-9]+ \\| [0-9,]+ \\|.*"))
        .map(l -> l.substring(1, l.length() - 1).split("\\|")).toList();
    assertEquals(3, rows.size(), report);
    int[] widths = {3, 30, 1000};
    for (int k = 0; k < 3; k++) {
      String[] cells = rows.get(k);
      assertEquals(widths[k], Integer.parseInt(cells[0].trim()), report);
      assertEquals(6000 / widths[k], Integer.parseInt(cells[1].trim().replace(",", "")), report);
      for (int c = 2; c <= 5; c++) {
        assertTrue(Double.parseDouble(cells[c].trim()) > 0, report);
      }
    }
  }
}
