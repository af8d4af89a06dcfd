package org.sahay.platform.internal.backup;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.sahay.platform.internal.backup.BackupWriter.Written;
import org.sahay.platform.internal.backup.Backups.Summary;

/** What a backup or restore prints: a line per table with rows, then what was done in all. */
final class BackupReport {

  private final PrintStream out;

  BackupReport(PrintStream out) {
    this.out = out;
  }

  void table(Written table) {
    if (table.rows() > 0) {
      out.printf(Locale.ROOT, "  %-34s %,12d rows%n", table.table(), table.rows());
    }
  }

  void backedUp(Path file, Summary summary) {
    out.printf(
        Locale.ROOT,
        "Backed up %s (database schema version %s): %d tables, %,d rows, to %s, sealed under the"
            + " backup keyset. Personal fields inside stay sealed under the master keyset.%n",
        scope(summary),
        summary.schema(),
        summary.tables().size(),
        summary.rows(),
        file.toAbsolutePath());
  }

  void restored(Path file, Summary summary) {
    out.printf(
        Locale.ROOT,
        "Restored %s from %s (database schema version %s): %d tables, %,d rows; every table read"
            + " back matches the backup's count and digest.%n",
        scope(summary),
        file.toAbsolutePath(),
        summary.schema(),
        summary.tables().size(),
        summary.rows());
    out.printf(
        Locale.ROOT, "Data keys: %,d open with this master keyset.%n", summary.keys().opened());
    if (summary.keys().retired() > 0) {
      out.printf(
          Locale.ROOT,
          "%,d data keys were wrapped under master keys retired since (this backup is older than"
              + " the backup retention period) and were removed: what they sealed reads as erased.%n",
          summary.keys().retired());
    }
  }

  void left(Path file, Leaving.Left left) {
    left.rows().forEach((table, rows) -> table(new Written(table, rows, "")));
    out.printf(
        Locale.ROOT,
        "%s has left: %,d rows written to %s (give it to the collective; it holds personal data,"
            + " opened) and deleted, with its data keys, users and sessions. Only its counts stay,"
            + " in departed_organisation.%n",
        left.name(),
        left.rows().values().stream().mapToLong(Long::longValue).sum(),
        file.toAbsolutePath());
  }

  private static String scope(Summary summary) {
    return summary.organisation() == null ? "everything" : "organisation " + summary.organisation();
  }
}
