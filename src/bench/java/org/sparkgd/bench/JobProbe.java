package org.sparkgd.bench;

import org.apache.spark.SparkContext;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Sums what Spark reports of the jobs run while it listens: jobs, stages, tasks, the span of each
 * job (submitted to ended) and the tasks' own metrics. Events arrive on Spark's listener thread a
 * moment after the fact; {@link #awaitJobs} waits for them.
 */
final class JobProbe extends SparkListener {
  private long jobs;
  private long stages;
  private long tasks;
  private long jobSpanMillis;
  private long taskRunMillis;
  private long taskCpuNanos;
  private long taskDeserializeMillis;
  private long resultSerializeMillis;
  private long resultBytes;
  private long taskDurationMillis;
  private final java.util.Map<Integer, Long> jobStarts = new java.util.HashMap<>();

  /** Per iteration: jobs, stages, tasks and the jobs' span; the rest are averages per task. */
  record Averages(double jobsPerIteration, double stagesPerIteration, double tasksPerIteration,
      double jobSpanMillisPerIteration, double runMillisPerTask, double cpuMillisPerTask,
      double deserializeMillisPerTask,
      double resultSerializeMillisPerTask, double resultBytesPerTask,
      double durationMillisPerTask) {}

  static JobProbe attach(SparkContext sc) {
    JobProbe probe = new JobProbe();
    sc.addSparkListener(probe);
    return probe;
  }

  void detach(SparkContext sc) {
    sc.removeSparkListener(this);
  }

  @Override
  public synchronized void onJobStart(SparkListenerJobStart start) {
    jobStarts.put(start.jobId(), start.time());
    stages += start.stageInfos().size();
  }

  @Override
  public synchronized void onJobEnd(SparkListenerJobEnd end) {
    Long started = jobStarts.remove(end.jobId());
    if (started != null) {
      jobSpanMillis += end.time() - started;
      jobs++;
    }
    notifyAll();
  }

  @Override
  public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
    tasks++;
    TaskMetrics m = end.taskMetrics();
    if (m != null) {
      taskRunMillis += m.executorRunTime();
      taskCpuNanos += m.executorCpuTime();
      taskDeserializeMillis += m.executorDeserializeTime();
      resultSerializeMillis += m.resultSerializationTime();
      resultBytes += m.resultSize();
    }
    taskDurationMillis += end.taskInfo().duration();
  }

  synchronized void reset() {
    jobs = stages = tasks = 0;
    jobSpanMillis = taskRunMillis = taskCpuNanos = taskDeserializeMillis = 0;
    resultSerializeMillis = 0;
    resultBytes = taskDurationMillis = 0;
  }

  /** Waits (at most 30 s) until {@code expected} jobs have ended since the last reset. */
  synchronized void awaitJobs(long expected) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 30_000;
    while (jobs < expected && System.currentTimeMillis() < deadline) {
      wait(100);
    }
  }

  /** Averages over the last {@code iterations} iterations (since the last reset). */
  synchronized Averages averages(long iterations) {
    double n = iterations;
    return new Averages(jobs / n, stages / n, tasks / n, jobSpanMillis / n,
        taskRunMillis / Math.max(1.0, tasks), taskCpuNanos / 1e6 / Math.max(1.0, tasks),
        taskDeserializeMillis / Math.max(1.0, tasks),
        resultSerializeMillis / Math.max(1.0, tasks), resultBytes / Math.max(1.0, tasks),
        taskDurationMillis / Math.max(1.0, tasks));
  }
}
