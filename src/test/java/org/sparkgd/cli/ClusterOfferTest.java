package org.sparkgd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * The no-executor line from a standalone master's state: the JSON below is what Spark 4.1's
 * master answered (trimmed) while a cluster-mode driver held the one core of a one-core
 * cluster (SparkLineIT runs that case for real).
 */
class ClusterOfferTest {
  private static final long SINCE = 1796191827308L;
  private static final String STUCK = """
      {"url": "spark://127.0.0.1:38843",
       "workers": [
         {"id": "worker-1", "cores": 1, "coresused": 1, "coresfree": 0, "memory": 1024,
          "memoryused": 1024, "memoryfree": 0, "state": "ALIVE"},
         {"id": "worker-0", "cores": 8, "coresused": 0, "memory": 9999, "memoryused": 0,
          "state": "DEAD"}],
       "activeapps": [
         {"id": "app-1", "starttime": 1796191884277, "name": "sparkgd fit", "cores": 0,
          "memoryperexecutor": 1024, "memoryperslave": 1024, "state": "WAITING",
          "duration": 6131}],
       "activedrivers": [
         {"id": "driver-1", "starttime": "1796191838031", "state": "RUNNING", "cores": 1,
          "memory": 1024, "mainclass": "org.sparkgd.cli.SparkGd"}]}
      """;

  @Test
  void anApplicationWithoutCoresGetsTheLineOnceItIsOldEnough() throws Exception {
    ClusterOffer offer = new ClusterOffer(new ObjectMapper().readTree(STUCK));
    assertEquals("sparkgd: no executor after 5 s: the application asks 1024 MB and at least 1 "
        + "core per executor; the cluster offers 1 worker with 0 of 1 cores and 0 of 1024 MB "
        + "free (its drivers hold 1 core and 1024 MB)",
        offer.noExecutorLine("sparkgd fit", SINCE, 5));
    assertNull(offer.noExecutorLine("sparkgd fit", SINCE, 60), "6 s old: not known yet");
  }

  @Test
  void anApplicationWithExecutorsOrAnotherOneGetsNoLine() throws Exception {
    ObjectNode running = (ObjectNode) new ObjectMapper().readTree(STUCK);
    ((ObjectNode) running.path("activeapps").get(0)).put("cores", 2);
    assertEquals("", new ClusterOffer(running).noExecutorLine("sparkgd fit", SINCE, 5));
    ClusterOffer stuck = new ClusterOffer(new ObjectMapper().readTree(STUCK));
    assertNull(stuck.noExecutorLine("sparkgd predict", SINCE, 5), "not this application");
    assertNull(stuck.noExecutorLine("sparkgd fit", SINCE + 3_600_000, 5), "an older one");
  }

  @Test
  void sparkThreeFiveNamesTheMemoryPerSlave() throws Exception {
    ObjectNode old = (ObjectNode) new ObjectMapper().readTree(STUCK);
    ObjectNode app = (ObjectNode) old.path("activeapps").get(0);
    app.remove("memoryperexecutor");
    app.put("memoryperslave", 512);
    assertEquals(true, new ClusterOffer(old).noExecutorLine("sparkgd fit", SINCE, 5)
        .contains("asks 512 MB and at least 1 core per executor"));
  }

  @Test
  void aDriverThatFindsNoWorkerIsNamedWithWhatItAsks() throws Exception {
    ObjectNode waiting = (ObjectNode) new ObjectMapper().readTree(STUCK);
    waiting.putArray("activeapps");
    ObjectNode driver = (ObjectNode) waiting.path("activedrivers").get(0);
    driver.put("state", "SUBMITTED");
    driver.put("cores", 2);
    assertEquals("sparkgd: the driver has not started after 5 s: it asks 2 cores and 1024 MB "
        + "on one worker; the cluster offers 1 worker with 0 of 1 cores and 0 of 1024 MB free",
        new ClusterOffer(waiting).noExecutorLine("sparkgd fit", SINCE, 5));
  }
}
