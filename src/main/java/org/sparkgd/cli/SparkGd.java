package org.sparkgd.cli;

import java.io.File;
import java.io.PrintWriter;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sparkgd.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** The {@code sparkgd} command: parses the command line and maps outcomes to exit codes. */
@Command(name = "sparkgd", mixinStandardHelpOptions = true,
    versionProvider = SparkGd.Version.class,
    description = "Linear regression by batch and mini-batch gradient descent on Apache Spark.",
    subcommands = {FitCommand.class, PredictCommand.class, PlotCommand.class,
        GenerateCommand.class, CommandLine.HelpCommand.class},
    footer = {"", "Exit codes: 0 success, 1 internal error, 2 bad command line or option, "
        + "3 bad input or output, 4 the fit diverged, 5 no executor started within the "
        + "Spark conf " + ExecutorWatchdog.TIMEOUT + " (seconds, default "
        + ExecutorWatchdog.DEFAULT_SECONDS + "), 130 / 143 stopped by Ctrl-C / kill."})
public final class SparkGd implements Runnable {
  /** Exit code when the fit diverged (its outputs are still written). */
  public static final int DIVERGED_EXIT_CODE = 4;
  private static final Logger LOG = LoggerFactory.getLogger(SparkGd.class);

  @Spec
  CommandSpec spec;

  final Sessions sessions;

  SparkGd(Sessions sessions) {
    this.sessions = sessions;
  }

  public static void main(String[] args) {
    System.exit(DriverStatus.run(args, Sessions.own()));
  }

  /** Runs one command line and returns its exit code; never calls {@code System.exit}. */
  public static int execute(String[] args, Sessions sessions, PrintWriter out, PrintWriter err) {
    CommandLine cmd;
    try {
      cmd = commandLine(sessions, args);
    } catch (UserError e) {
      return handle(e, err);
    }
    return cmd.setOut(out)
        .setErr(err)
        .setParameterExceptionHandler(SparkGd::usageError)
        .setExecutionExceptionHandler((e, line, parsed) -> handle(stopped(sessions, e),
            line.getErr()))
        .execute(args);
  }

  /** The command line for {@code args}, with fit's defaults (and its --config file, if any). */
  private static CommandLine commandLine(Sessions sessions, String[] args) {
    CommandLine cmd = new CommandLine(new SparkGd(sessions))
        .setCaseInsensitiveEnumValuesAllowed(true);
    Properties fromFile = new Properties();
    File config = ConfigFile.find(args);
    if (config != null && args.length > 0 && cmd.getSubcommands().containsKey(args[0])) {
      fromFile = ConfigFile.load(cmd.getSubcommands().get(args[0]).getCommandSpec(), config);
    }
    return cmd.setDefaultValueProvider(new FitDefaults(fromFile));
  }

  /**
   * The settings of {@code sparkgd fit ARGS} without running it, for programs that call
   * {@link org.sparkgd.job.FitJob} themselves (the benchmark): the same parsing, defaults and checks.
   */
  public static org.sparkgd.config.FitConfig fitConfig(String... args) {
    String[] line = new String[args.length + 1];
    line[0] = "fit";
    System.arraycopy(args, 0, line, 1, args.length);
    CommandLine.ParseResult parsed = commandLine(null, line).parseArgs(line);
    return ((FitCommand) parsed.subcommand().commandSpec().userObject()).toConfig();
  }

  /** A usage mistake: one line and where the help is, not picocli's whole usage text. */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine line = e.getCommandLine();
    String message = e.getMessage();
    if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
      message += " (did you mean " + String.join(" or ", u.getSuggestions()) + "?)";
    }
    LOG.debug("Usage error", e);
    line.getErr().println("sparkgd: error: " + message + "; see '"
        + line.getCommandSpec().qualifiedName() + " --help'");
    return UserError.USAGE_EXIT_CODE;
  }

  /** The error that stopped the session under the command, if any: it is what went wrong. */
  private static Exception stopped(Sessions sessions, Exception e) {
    UserError stopped = sessions == null ? null : sessions.stoppedBy();
    if (stopped == null) {
      return e;
    }
    LOG.debug("The session was stopped under the command", e);
    return stopped;
  }

  private static int handle(Exception e, PrintWriter err) {
    UserError user = UserError.findIn(e);
    if (user != null) {
      LOG.debug("User error", e);
      err.println("sparkgd: error: " + user.getMessage());
      return user.exitCode();
    }
    LOG.error("Internal error", e);
    err.println("sparkgd: internal error: " + e + " (the log has the details)");
    return 1;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The version from the jar's manifest, when run from the jar. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = SparkGd.class.getPackage().getImplementationVersion();
      return new String[] {"sparkgd " + (v == null ? "(development build)" : v)};
    }
  }
}
