package org.sparkgd.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.sparkgd.UserError;

/**
 * A command stopped by a signal (Ctrl-C, kill): the JVM's shutdown stops the Spark session
 * under the running command, whose job then fails with Spark's "stopped SparkContext" error and
 * its stack traces. This shutdown hook notes the signal, so that the command reports one line
 * instead, and holds the shutdown until it has (the JVM halts once its hooks end).
 */
final class SignalStop {
  static final String MESSAGE = "stopped by a signal (Ctrl-C or kill) before the command "
      + "ended; no output was written (a fit that saved checkpoints continues with --resume)";
  /** How long the shutdown waits for the command's line (and a cluster driver's status). */
  private static final long REPORT_SECONDS = 5;

  private final CountDownLatch reported = new CountDownLatch(1);
  private volatile boolean running;
  private volatile boolean signalled;

  /** Watches the JVM's shutdown from now on. */
  SignalStop() {
    Runtime.getRuntime().addShutdownHook(new Thread(this::onShutdown, "sparkgd-signal"));
  }

  /** The command's session is open (true) or closed (false): only an open one is cut short. */
  void running(boolean value) {
    running = value;
  }

  /** The error to report, or null when no signal came while the session was open. */
  UserError failure() {
    return signalled ? new UserError(MESSAGE) : null;
  }

  /** The command has reported its outcome: the shutdown may go on. */
  void reported() {
    reported.countDown();
  }

  private void onShutdown() {
    if (!running) {
      return;
    }
    signalled = true;
    try {
      reported.await(REPORT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
