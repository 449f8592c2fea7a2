package org.sparkgd.storage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Keeps every log line of the given loggers, at the given levels, while it is open (and sends
 * them nowhere else); {@link #close} puts the test's own logging back.
 */
final class LogCapture implements AutoCloseable {
  private final StringBuffer text = new StringBuffer();
  private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
  private final Map<String, LoggerConfig> replaced = new LinkedHashMap<>();
  private final AbstractAppender appender;

  LogCapture(Map<String, Level> loggers) {
    appender = new AbstractAppender("sparkgd-log-capture", null, null, true,
        Property.EMPTY_ARRAY) {
      @Override
      public void append(LogEvent event) {
        text.append(java.time.Instant.ofEpochMilli(event.getTimeMillis())).append(' ')
            .append(event.getLevel()).append(' ').append(event.getLoggerName()).append(": ")
            .append(event.getMessage().getFormattedMessage()).append('\n');
        for (Throwable t = event.getThrown(); t != null; t = t.getCause()) {
          text.append("  ").append(t).append('\n');
        }
      }
    };
    appender.start();
    Configuration config = context.getConfiguration();
    config.addAppender(appender);
    for (Map.Entry<String, Level> logger : loggers.entrySet()) {
      replaced.put(logger.getKey(), config.getLoggers().get(logger.getKey()));
      LoggerConfig capture = new LoggerConfig(logger.getKey(), logger.getValue(), false);
      capture.addAppender(appender, logger.getValue(), null);
      config.removeLogger(logger.getKey());
      config.addLogger(logger.getKey(), capture);
    }
    context.updateLoggers();
  }

  String text() {
    return text.toString();
  }

  @Override
  public void close() {
    Configuration config = context.getConfiguration();
    List<String> names = new ArrayList<>(replaced.keySet());
    for (String name : names) {
      config.removeLogger(name);
      if (replaced.get(name) != null) {
        config.addLogger(name, replaced.get(name));
      }
    }
    context.updateLoggers();
    appender.stop();
  }
}
