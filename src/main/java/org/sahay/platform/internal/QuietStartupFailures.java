package org.sahay.platform.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Drops the log lines (with stack traces or whole SQL reports) that repeat a database start-up
 * failure which {@link DatabaseFailureAnalyzer} already explains in one sentence.
 */
public class QuietStartupFailures extends TurboFilter {

  @Override
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (format == null || level == null || !level.isGreaterOrEqual(Level.WARN)) {
      return FilterReply.NEUTRAL;
    }
    if (logger.getName().startsWith("com.zaxxer.hikari")
        && format.contains("Exception during pool initialization")) {
      return FilterReply.DENY;
    }
    if (logger.getName().endsWith("ApplicationContext")
        && format.startsWith("Exception encountered during context initialization")) {
      return FilterReply.DENY;
    }
    if (logger.getName().endsWith("DeferredServletContainerInitializers")
        && format.startsWith("Error starting Tomcat context")
        && (mentionsDatabase(format) || mentionsDatabase(params))) {
      return FilterReply.DENY;
    }
    return FilterReply.NEUTRAL;
  }

  private static boolean mentionsDatabase(Object... texts) {
    if (texts == null) {
      return false;
    }
    for (Object text : texts) {
      String value = String.valueOf(text);
      if (value.contains("SQL State") || value.contains("JDBC Connection")) {
        return true;
      }
    }
    return false;
  }
}
