package org.sparkgd.bench;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.lapack.LAPACK;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRBlock;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.block.MatrixOps_DDRB;
import org.ejml.dense.block.decomposition.qr.QRDecompositionHouseholder_DDRB;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.netlib.util.intW;
import org.sparkgd.stats.QrAccumulator;
import org.sparkgd.stats.QrKernelChoice;

/**
 * The candidates for the exact pass's kernel, timed on one thread over the same n × (p + 1)
 * rows: the AS 274 Givens accumulator ({@code givens}), the blocked Householder update the
 * product uses from {@code QrAccumulator.BLOCKED_FROM} columns ({@code blocked:ROWSxPANEL}:
 * rows per block, reflectors per compact-WY panel), LAPACK's blocked {@code dgeqrf} on
 * [R; panel] (copied column-major) and {@code dgelqf} on the rows as they lie (the transpose),
 * both from the {@code dev.ludovic.netlib} build Spark ships, EJML's Householder QR of the
 * whole partition ({@code ejml}: column-wise; {@code ejml-block}: blocked, in EJML's block
 * layout; the copies into its layouts timed too), and the BLAS's {@code dgemm} forming XᵀX over
 * the same panels (the level-3 ceiling). For each p, n is chosen so that one run is about the
 * given flops, counted as 2n(p + 1)² for every kernel; each kernel runs 3 times (round-robin)
 * and the best is kept; the list must include {@code givens}. Prints a Markdown table with each
 * kernel's ratio to Givens in the same run. Not a part of {@code scripts/bench}; the command,
 * on a class path with the test scope (EJML), is in docs/benchmark-qr-kernels.md.
 */
final class QrKernels {
  private static final int REPETITIONS = 3;

  private QrKernels() {}

  /** Arguments: flops per run, widths p, kernels. */
  public static void main(String[] args) {
    double flops = Double.parseDouble(args[0]);
    String[] kernels = args[2].split(",");
    System.out.println("BLAS " + BLAS.getInstance().getClass().getSimpleName() + ", LAPACK "
        + LAPACK.getInstance().getClass().getSimpleName());
    System.out.println("| p | n | kernel | best s | GFlop/s | × Givens |");
    System.out.println("|---:|---:|---|---:|---:|---:|");
    for (String width : args[1].split(",")) {
      int p = Integer.parseInt(width);
      int c = p + 1;
      int n = (int) Math.max(1024, Math.round(flops / (2.0 * c * c) / 1024) * 1024);
      SplittableRandom random = new SplittableRandom(1);
      double[] rows = new double[n * c];
      for (int i = 0; i < rows.length; i++) {
        rows[i] = random.nextGaussian();
      }
      // Repetitions round-robin over the kernels, so a burst of load hits them alike.
      double[] best = new double[kernels.length];
      java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
      for (int rep = 0; rep < REPETITIONS; rep++) {
        for (int k = 0; k < kernels.length; k++) {
          long start = System.nanoTime();
          run(kernels[k], rows, n, c);
          best[k] = Math.min(best[k], (System.nanoTime() - start) / 1e9);
        }
      }
      double givens = best[java.util.Arrays.asList(kernels).indexOf("givens")];
      for (int k = 0; k < kernels.length; k++) {
        System.out.printf(java.util.Locale.ROOT, "| %d | %d | %s | %.3f | %.2f | %.2f× |%n", p,
            n, kernels[k], best[k], 2.0 * n * c * c / best[k] / 1e9, givens / best[k]);
      }
    }
  }

  private static void run(String kernel, double[] rows, int n, int c) {
    int b = 256;
    LAPACK lapack = LAPACK.getInstance();
    intW info = new intW(0);
    double[] size = new double[1];
    double[] tau = new double[c];
    if (kernel.startsWith("blocked:") || kernel.equals("givens")) {
      QrAccumulator qr = QrKernelChoice.givens(c - 1);
      if (kernel.startsWith("blocked:")) {
        String[] shape = kernel.substring("blocked:".length()).split("x");
        qr = QrKernelChoice.blocked(c - 1, Integer.parseInt(shape[0]),
            Integer.parseInt(shape[1]));
      }
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        y[i] = rows[i * c + c - 1];
      }
      for (int start = 0; start < n; start += b) {
        // DataBlock's layout: the features of b rows packed, then their labels.
        int k = Math.min(b, n - start);
        double[] x = new double[k * (c - 1)];
        for (int i = 0; i < k; i++) {
          System.arraycopy(rows, (start + i) * c, x, i * (c - 1), c - 1);
        }
        qr.addRows(x, java.util.Arrays.copyOfRange(y, start, start + k));
      }
      QrKernelChoice.settle(qr);
      return;
    }
    switch (kernel) {
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
      case "ejml" -> {
        // EJML's column-wise Householder QR of the partition's rows at once, on a copy of them
        // (EJML copies them again into its column-major array); the R factors of partitions
        // would merge as ours do.
        DMatrixRMaj a = DMatrixRMaj.wrap(n, c, rows.clone());
        DecompositionFactory_DDRM.qr(n, c).decompose(a);
      }
      case "ejml-block" -> {
        // EJML's blocked Householder QR (its own level-3 kernels), in its block layout.
        DMatrixRBlock a = MatrixOps_DDRB.convert(DMatrixRMaj.wrap(n, c, rows));
        QRDecompositionHouseholder_DDRB qr = new QRDecompositionHouseholder_DDRB();
        qr.decompose(a);
      }
      case "dgemm" -> {
        double[] cross = new double[c * c];
        for (int start = 0; start + b <= n; start += b) {
          BLAS.getInstance().dgemm("N", "T", c, c, b, 1.0, rows, start * c, c, rows,
              start * c, c, 1.0, cross, 0, c);
        }
      }
      default -> throw new IllegalArgumentException("unknown kernel " + kernel);
    }
  }
}
