package org.sparkgd.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.spark.TaskContext;
import org.sparkgd.data.DataBlock;
import org.sparkgd.data.TrainingData;
import org.sparkgd.engine.ResidualSums;

/**
 * The memory-bandwidth limit: a plain multi-threaded Java loop doing one iteration's arithmetic
 * (Σr², Σr and Σr·z_j with r = b + θ·z − y) over the very arrays Spark caches, without Spark.
 * The loop is the evaluator's own ({@code ResidualSums}), every sum in a register: 16 to 20
 * GB/s over the packed doubles with two threads on this 2-core machine (docs/benchmark-*.md).
 * In local mode the cached blocks live in this JVM, so one job hands their references to the
 * driver: nothing is copied, and the loop reads the same memory an iteration reads.
 */
final class Roofline implements AutoCloseable {
  /** Blocks handed over by the tasks of one {@link #over} call, by partition. */
  private static final Map<String, Map<Integer, List<DataBlock>>> HANDED_OVER =
      new ConcurrentHashMap<>();

  private final List<List<DataBlock>> shares;
  private final ExecutorService threads;
  private final int numFeatures;
  private final long rows;

  private Roofline(List<List<DataBlock>> shares, int numFeatures, long rows) {
    this.shares = shares;
    this.threads = Executors.newFixedThreadPool(shares.size());
    this.numFeatures = numFeatures;
    this.rows = rows;
  }

  /** The cached blocks of {@code data}, split into {@code threads} shares of about equal rows. */
  static Roofline over(TrainingData data, int threads) {
    if (!data.blocks().context().isLocal()) {
      throw new IllegalStateException("the roofline loop needs local mode: it reads the cached "
          + "blocks in the driver's JVM");
    }
    String token = UUID.randomUUID().toString();
    Map<Integer, List<DataBlock>> byPartition = new ConcurrentHashMap<>();
    HANDED_OVER.put(token, byPartition);
    try {
      data.blocks().foreachPartition(blocks -> {
        List<DataBlock> list = new ArrayList<>();
        blocks.forEachRemaining(list::add);
        HANDED_OVER.get(token).put(TaskContext.getPartitionId(), list);
      });
      int partitions = data.blocks().getNumPartitions();
      List<DataBlock> all = new ArrayList<>();
      for (int p = 0; p < partitions; p++) {
        List<DataBlock> blocks = byPartition.get(p);
        if (blocks == null) {
          throw new IllegalStateException("partition " + p + " was not handed over");
        }
        all.addAll(blocks);
      }
      long rows = all.stream().mapToLong(DataBlock::rows).sum();
      List<List<DataBlock>> shares = new ArrayList<>();
      long taken = 0;
      int next = 0;
      for (int t = 1; t <= threads; t++) {
        List<DataBlock> share = new ArrayList<>();
        while (next < all.size() && (t == threads || taken < rows * t / threads)) {
          taken += all.get(next).rows();
          share.add(all.get(next++));
        }
        shares.add(share);
      }
      return new Roofline(shares, data.numFeatures(), rows);
    } finally {
      HANDED_OVER.remove(token);
    }
  }

  long rows() {
    return rows;
  }

  int threads() {
    return shares.size();
  }

  /** One pass: Σr², then Σr, Σr·z_1, …, Σr·z_d, summed over the threads' shares. */
  double[] pass(double[] theta) {
    double[] total = new double[numFeatures + 2];
    for (double[] s : onEveryShare(share -> sums(share, theta, numFeatures))) {
      for (int k = 0; k < total.length; k++) {
        total[k] += s[k];
      }
    }
    return total;
  }

  /**
   * The memory limit itself: every cached double (features and labels) read once by the
   * threads, summed in four independent chains so that the adds keep up with the reads.
   */
  double stream() {
    double total = 0;
    for (double[] s : onEveryShare(share -> {
      double[] chains = new double[4];
      for (DataBlock block : share) {
        read(block.features(), chains);
        read(block.labels(), chains);
      }
      return chains;
    })) {
      total += s[0] + s[1] + s[2] + s[3];
    }
    return total;
  }

  /** {@code work} on every share at once, one thread each; the results in share order. */
  private List<double[]> onEveryShare(Function<List<DataBlock>, double[]> work) {
    List<Future<double[]>> parts = new ArrayList<>();
    for (List<DataBlock> share : shares) {
      parts.add(threads.submit(() -> work.apply(share)));
    }
    List<double[]> results = new ArrayList<>();
    try {
      for (Future<double[]> part : parts) {
        results.add(part.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
    return results;
  }

  private static void read(double[] a, double[] s) {
    double s0 = s[0];
    double s1 = s[1];
    double s2 = s[2];
    double s3 = s[3];
    int i = 0;
    for (; i + 4 <= a.length; i += 4) {
      s0 += a[i];
      s1 += a[i + 1];
      s2 += a[i + 2];
      s3 += a[i + 3];
    }
    for (; i < a.length; i++) {
      s0 += a[i];
    }
    s[0] = s0;
    s[1] = s1;
    s[2] = s2;
    s[3] = s3;
  }

  /**
   * The evaluator's own loop ({@link ResidualSums}, every sum in a register) over the blocks of
   * one share: no Spark, no merge beyond plain doubles.
   */
  static double[] sums(List<DataBlock> share, double[] theta, int d) {
    double[] sums = new double[d + 2];
    double[] scratch = ResidualSums.scratch(d);
    for (DataBlock block : share) {
      ResidualSums.add(block.features(), block.labels(), d, theta, sums, 0, scratch);
    }
    return sums;
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }
}
