package org.sparkgd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a Spark standalone master offers and what waits on it, from the JSON of its web UI
 * ({@code http://HOST:8080/json/}): the one wording of "no executor" for the submitting script
 * (its {@link #main}, after {@code SPARKGD_EXECUTOR_WAIT} seconds) and for the driver's
 * {@link ExecutorWatchdog}. Workers report {@code cores}/{@code coresused} and
 * {@code memory}/{@code memoryused} (MB); an application reports the cores it was granted
 * ({@code cores}) and {@code memoryperexecutor} ({@code memoryperslave} before Spark 4).
 */
final class ClusterOffer {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterOffer.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  /** {@link #main}'s exit code while the application has not registered or is too young. */
  static final int NOT_YET = 10;

  private final JsonNode master;

  ClusterOffer(JsonNode master) {
    this.master = master;
  }

  /** Reads the master's state from its web UI at {@code webUi} (http://host:port). */
  static ClusterOffer fetch(String webUi) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(webUi.replaceAll("/+$", "")
        + "/json/")).timeout(TIMEOUT).build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(webUi + "/json/ answered HTTP " + response.statusCode());
    }
    return new ClusterOffer(new ObjectMapper().readTree(response.body()));
  }

  /** "the cluster offers 1 worker with 0 of 1 cores and 0 of 1024 MB free (its drivers...)". */
  String offered() {
    int workers = 0;
    long cores = 0;
    long coresFree = 0;
    long memory = 0;
    long memoryFree = 0;
    for (JsonNode w : master.path("workers")) {
      if (w.path("state").asText().equals("ALIVE")) {
        workers++;
        cores += w.path("cores").asLong();
        coresFree += w.path("cores").asLong() - w.path("coresused").asLong();
        memory += w.path("memory").asLong();
        memoryFree += w.path("memory").asLong() - w.path("memoryused").asLong();
      }
    }
    String text = "the cluster offers " + plural(workers, "worker") + " with " + coresFree
        + " of " + cores + " cores and " + memoryFree + " of " + memory + " MB free";
    long driverCores = 0;
    long driverMemory = 0;
    for (JsonNode d : master.path("activedrivers")) {
      if (d.path("state").asText().equals("RUNNING")) {
        driverCores += d.path("cores").asLong();
        driverMemory += d.path("memory").asLong();
      }
    }
    return driverCores == 0 ? text : text + " (its drivers hold "
        + plural(driverCores, "core") + " and " + driverMemory + " MB)";
  }

  /**
   * The one line when the newest application named {@code appName} that started after
   * {@code sinceMillis} (less a minute for clocks that differ) has had no executor for
   * {@code seconds}, or when a sparkgd driver has waited that long for a worker; "" when the
   * application has executors; null while neither is known yet.
   */
  String noExecutorLine(String appName, long sinceMillis, long seconds) {
    JsonNode newest = null;
    for (JsonNode app : master.path("activeapps")) {
      if (app.path("name").asText().equals(appName)
          && app.path("starttime").asLong() >= sinceMillis - 60_000
          && (newest == null
              || app.path("starttime").asLong() > newest.path("starttime").asLong())) {
        newest = app;
      }
    }
    if (newest != null) {
      if (newest.path("cores").asLong() > 0) {
        return "";
      }
      if (newest.path("duration").asLong() < seconds * 1000) {
        return null;
      }
      long memory = newest.has("memoryperexecutor") ? newest.path("memoryperexecutor").asLong()
          : newest.path("memoryperslave").asLong();
      return "sparkgd: no executor after " + seconds + " s: the application asks " + memory
          + " MB and at least 1 core per executor; " + offered();
    }
    JsonNode waiting = null;
    for (JsonNode d : master.path("activedrivers")) {
      if (d.path("state").asText().equals("SUBMITTED")
          && d.path("mainclass").asText().equals(SparkGd.class.getName())) {
        waiting = d;
      }
    }
    if (waiting == null || System.currentTimeMillis() - sinceMillis < seconds * 1000) {
      return null;
    }
    return "sparkgd: the driver has not started after " + seconds + " s: it asks "
        + plural(waiting.path("cores").asLong(), "core") + " and "
        + waiting.path("memory").asLong() + " MB on one worker; " + offered();
  }

  static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  /**
   * {@code ClusterOffer WEB_UI APP_NAME SINCE_MILLIS SECONDS}, run by scripts/sparkgd SECONDS
   * after it submitted APP_NAME at SINCE_MILLIS: prints the line of {@link #noExecutorLine}, if
   * any, on standard output; exits with {@value #NOT_YET} while that is not known yet (the
   * script asks again). A master that does not answer prints nothing (the log says why): the
   * note must never fail the run it is about.
   */
  public static void main(String[] args) throws InterruptedException {
    String line;
    try {
      line = fetch(args[0]).noExecutorLine(args[1], Long.parseLong(args[2]),
          Long.parseLong(args[3]));
    } catch (IOException | RuntimeException e) {
      LOG.warn("No note on executors: cannot read the master's state at {}", args[0], e);
      return;
    }
    if (line == null) {
      System.exit(NOT_YET);
    }
    if (!line.isEmpty()) {
      System.out.println(line);
    }
  }
}
