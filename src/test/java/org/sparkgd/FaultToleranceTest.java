package org.sparkgd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.SparkEnv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparkgd.config.BadRowPolicy;
import org.sparkgd.config.InputFormat;
import org.sparkgd.config.InputSource;
import org.sparkgd.config.InputSpec;
import org.sparkgd.data.TrainingData;
import org.sparkgd.engine.LeastSquaresLoss;
import org.sparkgd.optim.ConvergenceChecker;
import org.sparkgd.optim.DescentResult;
import org.sparkgd.optim.DescentSettings;
import org.sparkgd.optim.GradientDescent;
import org.sparkgd.optim.IterationListener;
import org.sparkgd.optim.IterationRecord;
import org.sparkgd.optim.RunSettings;

/** Cached blocks lost in the middle of a fit are recomputed, and the fit ends the same. */
class FaultToleranceTest {
  @TempDir
  static Path dir;
  static InputSpec spec;

  @BeforeAll
  static void write() {
    Path csv = TestData.generate(2000, 31).writeCsv(dir.resolve("data.csv"));
    spec = new InputSpec(new InputSource(csv.toString(), InputFormat.CSV, ','), "y",
        TestData.FEATURES, 3, BadRowPolicy.FAIL);
  }

  private static DescentResult fit(Double fraction, IterationListener listener) {
    try (TrainingData data = TrainingData.load(SparkTestSession.get().sparkContext(), spec)) {
      DescentSettings settings = new DescentSettings(12,
          ConvergenceChecker.relativeCostChange(0), 100, Double.NaN);
      return new GradientDescent(settings).run(
          new LeastSquaresLoss(data, 2, fraction, 7, 12), RunSettings.constant(0.2),
          new double[4], listener);
    }
  }

  /** Drops every cached block of the fit's data, as a lost executor would. */
  private static IterationListener dropCacheAt(long iteration, boolean[] dropped) {
    return record -> {
      if (record.iteration() == iteration) {
        var storage = SparkTestSession.jsc().sc().getPersistentRDDs();
        scala.collection.Iterator<Object> ids = storage.keysIterator();
        while (ids.hasNext()) {
          SparkEnv.get().blockManager().master().removeRdd((Integer) ids.next(), true);
          dropped[0] = true;
        }
      }
    };
  }

  private static void assertSameRun(DescentResult expected, DescentResult actual) {
    assertEquals(expected.history().size(), actual.history().size());
    for (int k = 0; k < expected.history().size(); k++) {
      IterationRecord e = expected.history().get(k);
      IterationRecord a = actual.history().get(k);
      assertEquals(e.cost(), a.cost(), 0, "iteration " + k);
      assertEquals(e.rows(), a.rows());
      assertArrayEquals(e.theta(), a.theta(), 0);
    }
    assertArrayEquals(expected.theta(), actual.theta(), 0);
  }

  @Test
  void losingTheCachedBlocksMidFitChangesNothing() {
    DescentResult clean = fit(null, IterationListener.NONE);
    boolean[] dropped = {false};
    DescentResult recovered = fit(null, dropCacheAt(5, dropped));
    assertTrue(dropped[0], "the test dropped the cache");
    assertSameRun(clean, recovered);
  }

  @Test
  void losingTheCachedBlocksMidMiniBatchFitChangesNothing() {
    DescentResult clean = fit(0.3, IterationListener.NONE);
    boolean[] dropped = {false};
    DescentResult recovered = fit(0.3, dropCacheAt(4, dropped));
    assertTrue(dropped[0]);
    assertSameRun(clean, recovered);
  }

  @Test
  void repeatedFitsAreIdenticalBitForBit() {
    for (Double fraction : new Double[] {null, 0.25}) {
      DescentResult first = fit(fraction, IterationListener.NONE);
      DescentResult second = fit(fraction, IterationListener.NONE);
      assertSameRun(first, second);
    }
  }

  @Test
  void theCacheIsReleasedAfterTheFit() {
    fit(null, IterationListener.NONE);
    List<Integer> cached = new java.util.ArrayList<>();
    SparkTestSession.jsc().sc().getPersistentRDDs().keysIterator()
        .foreach(id -> cached.add((Integer) id));
    assertEquals(List.of(), cached, "persisted RDDs left behind");
  }
}
