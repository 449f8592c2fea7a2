package org.sparkgd.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sparkgd.UserError;
import org.sparkgd.config.PlotConfig;
import org.sparkgd.data.SqlSession;
import org.sparkgd.optim.IterationRecord;
import org.sparkgd.output.Charts;
import org.sparkgd.output.HistoryReader;
import org.sparkgd.output.ModelJson;
import org.sparkgd.output.OutputCommitter;
import org.sparkgd.output.PlotWriter;

/**
 * Draws the plots of saved histories: the cost of every run on one chart, and each run's
 * coefficient paths. The settings in the titles come from the model.json beside a history when
 * there is one, else from the history itself.
 */
public final class PlotJob {
  private static final Logger LOG = LoggerFactory.getLogger(PlotJob.class);

  private PlotJob() {}

  /** Returns the paths of the files written. */
  public static List<String> run(SparkContext spark, PlotConfig config) {
    List<Charts.Run> runs = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    String formula = null;
    Path firstFit = null;
    FileSystem fs = null;
    try {
      for (String given : config.histories()) {
        Path path = new Path(given);
        fs = path.getFileSystem(spark.hadoopConfiguration());
        // A fit's output folder, or the history folder inside one.
        boolean fitFolder = fs.exists(new Path(path, "history"));
        Path fit = fitFolder ? path : path.getParent();
        Path history = fitFolder ? new Path(path, "history") : path;
        // A fit's output counts once its _SUCCESS is there; a bare history folder, once Spark's.
        OutputCommitter.requireComplete(spark.hadoopConfiguration(),
            (fitFolder || fs.exists(new Path(fit, ModelJson.FILE)) ? fit : history).toString());
        HistoryReader.Saved saved = HistoryReader.read(SqlSession.of(spark), history.toString());
        Path modelFile = new Path(fit, ModelJson.FILE);
        ModelJson.Saved model = fs.exists(modelFile)
            ? ModelJson.read(spark.hadoopConfiguration(), modelFile.toString())
            : null;
        for (var entry : saved.runs().entrySet()) {
          runs.add(model != null ? fromModel(model, entry.getKey(), entry.getValue())
              : fromHistory(saved, entry.getKey(), entry.getValue()));
          sources.add(given);
        }
        if (formula == null) {
          formula = model != null ? Charts.formula(model.model().label(),
              model.model().features()) : "cost history";
          firstFit = fit;
        }
      }
      runs = distinctNames(runs, sources);
      Path output = config.output() != null ? new Path(config.output()) : firstFit;
      FileSystem outFs = OutputCommitter.withoutChecksums(
          output.getFileSystem(spark.hadoopConfiguration()));
      outFs.mkdirs(output);
      List<String> written = new ArrayList<>();
      for (String name : PlotWriter.write(outFs, output, formula, runs, config.logScale(),
          config.width(), config.height())) {
        written.add(new Path(output, name).toString());
      }
      LOG.info("Wrote {}", String.join(", ", written));
      return written;
    } catch (IOException e) {
      throw new UserError("cannot write the plots: " + e.getMessage(), e);
    }
  }

  /** Settings and stop reason from the model.json's entry for this run. */
  private static Charts.Run fromModel(ModelJson.Saved model, String name,
      List<IterationRecord> records) {
    JsonNode entry = null;
    for (JsonNode run : model.runs()) {
      if (run.path("name").asText().equals(name)) {
        entry = run;
      }
    }
    long last = records.get(records.size() - 1).iteration();
    return Charts.run(name, model.model().features(), model.mode(), model.rows(), entry == null ? null : entry.path("settings").asText(),
        entry == null ? null : entry.path("stop_reason").asText(),
        entry == null ? last : entry.path("iterations").asLong(last), records);
  }

  /** Without a model.json: features θ1, θ2, …; the mode from the history's cost scope. */
  private static Charts.Run fromHistory(HistoryReader.Saved saved, String name,
      List<IterationRecord> records) {
    IterationRecord first = records.get(0);
    List<String> features = new ArrayList<>();
    for (int j = 1; j < first.theta().length; j++) {
      features.add("θ" + j);
    }
    boolean batch = "full".equals(saved.costScope());
    return Charts.run(name, features, batch ? "batch" : "minibatch", batch ? first.rows() : -1,
        null, null, records.get(records.size() - 1).iteration(), records);
  }

  /** Runs named alike (the same α) get their folder's name added. */
  private static List<Charts.Run> distinctNames(List<Charts.Run> runs, List<String> paths) {
    Set<String> seen = new HashSet<>();
    Set<String> repeated = new HashSet<>();
    for (Charts.Run run : runs) {
      if (!seen.add(run.name())) {
        repeated.add(run.name());
      }
    }
    List<Charts.Run> named = new ArrayList<>();
    for (int k = 0; k < runs.size(); k++) {
      Charts.Run run = runs.get(k);
      String name = repeated.contains(run.name())
          ? run.name() + " (" + new Path(paths.get(k)).getName() + ")" : run.name();
      named.add(run.named(name));
    }
    return named;
  }
}
