package org.sparkgd.stats;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** ISLR's Advertising data (200 rows), copied into the test resources: TV, radio, newspaper → sales. */
final class AdvertisingRows {
  static final List<String> TERMS = List.of(Inference.INTERCEPT, "TV", "radio", "newspaper");

  final double[][] x;
  final double[] y;

  AdvertisingRows() {
    List<double[]> rows = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        AdvertisingRows.class.getResourceAsStream("/Advertising.csv"),
        StandardCharsets.UTF_8))) {
      in.readLine();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] cells = line.split(",");
        rows.add(new double[] {Double.parseDouble(cells[1]), Double.parseDouble(cells[2]),
            Double.parseDouble(cells[3]), Double.parseDouble(cells[4])});
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    x = new double[rows.size()][3];
    y = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      System.arraycopy(rows.get(i), 0, x[i], 0, 3);
      y[i] = rows.get(i)[3];
    }
  }

  LeastSquaresFit fit() {
    QrAccumulator qr = new QrAccumulator(3, true);
    for (int i = 0; i < y.length; i++) {
      qr.add(x[i], y[i], 1);
    }
    return qr.solve();
  }
}
