package org.sahay.platform.internal;

import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A database that cannot be reached or refuses Sahay becomes one plain sentence of what is wrong
 * and one of what to fix, instead of a wall of stack traces. Never prints a password.
 */
public class DatabaseFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
    SQLException root = deepest(cause);
    String state = root.getSQLState() == null ? "" : root.getSQLState();
    String message = root.getMessage() == null ? "" : root.getMessage();
    if (state.startsWith("08") || message.contains("Connection refused")) {
      return analysis(
          "Sahay cannot reach its database (" + firstLine(message) + ").",
          "Start PostgreSQL, or correct the host and port in SAHAY_DB_URL; unset SAHAY_DB_URL to"
              + " use the embedded H2 database.",
          cause);
    }
    if (state.startsWith("28")) {
      return analysis(
          "The database refused Sahay's login (" + firstLine(message) + ").",
          "Check SAHAY_DB_USER and SAHAY_DB_PASSWORD, and that this user may connect.",
          cause);
    }
    if ("3D000".equals(state)) {
      return analysis(
          "The database named in SAHAY_DB_URL does not exist.",
          "Create it (createdb -O <user> <name>) or correct the name in SAHAY_DB_URL.",
          cause);
    }
    if (message.contains("Database may be already in use") || state.equals("90020")) {
      return analysis(
          "The embedded database is already in use by another Sahay process.",
          "Stop the other process, or point SAHAY_DATA_DIR at another folder.",
          cause);
    }
    return analysis(
        "Sahay cannot use its database (SQL state " + state + ": " + firstLine(message) + ").",
        "Check SAHAY_DB_URL, SAHAY_DB_USER and SAHAY_DB_PASSWORD, and the database server's log.",
        cause);
  }

  private static FailureAnalysis analysis(String description, String action, Throwable cause) {
    return new FailureAnalysis(description, action, cause);
  }

  private static SQLException deepest(SQLException e) {
    SQLException current = e;
    Throwable next = e.getCause();
    while (next != null) {
      if (next instanceof SQLException sql) {
        current = sql;
      }
      next = next.getCause();
    }
    return current;
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline);
    // Drivers sometimes repeat the URL; drop anything that looks like a password parameter.
    return line.replaceAll("(?i)password=[^;&\\s]*", "password=***").trim();
  }
}
