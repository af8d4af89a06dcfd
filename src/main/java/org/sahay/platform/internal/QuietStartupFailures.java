package org.sahay.platform.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Drops the two log lines (with stack traces) that repeat a start-up failure which {@link
 * DatabaseFailureAnalyzer} already explains in one sentence.
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
    return FilterReply.NEUTRAL;
  }
}
