package org.sahay.platform;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * A large table a module publishes for export: its columns (message keys), how many rows a period
 * holds, and the rows themselves streamed to a writer in constant memory. Like {@link
 * IndicatorSource} it checks no access: reporting's export jobs are its only caller and decide
 * beforehand who may export what.
 */
public interface ExportSource {

  /** The export's name, for example {@code relief.handovers}; messages hold its title. */
  String kind();

  /** The column headings as message keys, in order. */
  List<String> columns();

  /** How many rows the collective's period holds, for the progress shown while it is written. */
  long count(OrganisationId collective, LocalDate from, LocalDate until);

  /**
   * Writes each row of the collective's period, oldest first, calling {@code progress} with the
   * rows written so far every few thousand rows; never holds more than a page of rows.
   */
  void write(
      OrganisationId collective,
      LocalDate from,
      LocalDate until,
      TableWriter out,
      LongConsumer progress)
      throws IOException;
}
