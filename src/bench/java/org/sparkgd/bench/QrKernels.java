package org.sparkgd.bench;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.lapack.LAPACK;
import java.util.SplittableRandom;
import org.netlib.util.intW;
import org.sparkgd.stats.QrAccumulator;

/**
 * The candidates for the exact pass's kernel, timed on one thread over the same n × (p + 1)
 * rows: the AS 274 Givens accumulator the product uses, LAPACK's blocked {@code dgeqrf} on
 * [R; panel] (copied column-major) and {@code dgelqf} on the rows as they lie (the transpose),
 * both from the {@code dev.ludovic.netlib} build Spark ships, and its BLAS {@code dgemm} forming
 * XᵀX over the same panels (the level-3 ceiling: what a blocked Householder update could reach).
 * Prints seconds and GFlop/s counted as 2n(p + 1)² for each. Not a part of {@code scripts/bench}:
 * {@code java -cp target/test-classes:target/sparkgd-0.1.0-SNAPSHOT.jar:$(cat
 * target/classpath.txt) org.sparkgd.bench.QrKernels 1000 6000 2000}.
 */
final class QrKernels {
  private QrKernels() {}

  /** Arguments: p, n, panel rows. */
  public static void main(String[] args) {
    int p = Integer.parseInt(args[0]);
    int n = Integer.parseInt(args[1]);
    int b = Integer.parseInt(args[2]);
    int c = p + 1;
    SplittableRandom random = new SplittableRandom(1);
    double[] rows = new double[n * c];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = random.nextGaussian();
    }
    System.out.println("BLAS " + BLAS.getInstance().getClass().getSimpleName() + ", LAPACK "
        + LAPACK.getInstance().getClass().getSimpleName());
    for (String kernel : new String[] {"givens", "dgeqrf", "dgelqf", "dgemm"}) {
      for (int rep = 0; rep < 3; rep++) {
        long start = System.nanoTime();
        run(kernel, rows, n, c, b);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(java.util.Locale.ROOT, "%s p=%d n=%d panel=%d: %.3f s, %.2f GFlop/s%n",
            kernel, p, n, b, seconds, 2.0 * n * c * c / seconds / 1e9);
      }
    }
  }

  private static void run(String kernel, double[] rows, int n, int c, int b) {
    LAPACK lapack = LAPACK.getInstance();
    intW info = new intW(0);
    double[] size = new double[1];
    double[] tau = new double[c];
    switch (kernel) {
      case "givens" -> {
        double[] x = new double[n * (c - 1)];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
          System.arraycopy(rows, i * c, x, i * (c - 1), c - 1);
          y[i] = rows[i * c + c - 1];
        }
        new QrAccumulator(c - 1, false).addRows(x, y);
      }
      case "dgeqrf" -> {
        int m = c + b;
        double[] a = new double[m * c];
        lapack.dgeqrf(m, c, a, m, tau, size, -1, info);
        double[] work = new double[(int) size[0]];
        for (int start = 0; start < n; start += b) {
          int k = Math.min(b, n - start);
          int top = start == 0 ? 0 : c;
          for (int j = 0; j < c; j++) {
            for (int i = j + 1; i < top; i++) {
              a[j * m + i] = 0; // below R's diagonal: the reflectors of the last panel
            }
            for (int i = 0; i < k; i++) {
              a[j * m + top + i] = rows[(start + i) * c + j];
            }
          }
          lapack.dgeqrf(top + k, c, a, m, tau, work, work.length, info);
        }
      }
      case "dgelqf" -> {
        double[] a = new double[c * (c + b)];
        lapack.dgelqf(c, c + b, a, c, tau, size, -1, info);
        double[] work = new double[(int) size[0]];
        for (int start = 0; start < n; start += b) {
          int k = Math.min(b, n - start);
          int left = start == 0 ? 0 : c;
          for (int j = 0; j < left; j++) {
            for (int i = 0; i < j; i++) {
              a[j * c + i] = 0; // above L's diagonal: the reflectors of the last panel
            }
          }
          System.arraycopy(rows, start * c, a, left * c, k * c);
          lapack.dgelqf(c, left + k, a, c, tau, work, work.length, info);
        }
      }
      default -> {
        double[] cross = new double[c * c];
        for (int start = 0; start + b <= n; start += b) {
          BLAS.getInstance().dgemm("N", "T", c, c, b, 1.0, rows, start * c, c, rows,
              start * c, c, 1.0, cross, 0, c);
        }
      }
    }
  }
}
