package org.sahay.reporting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.sahay.platform.OrganisationId;

/** A large export running in the background, or done, for the one who asked for it. */
public record ExportJob(
    UUID id,
    OrganisationId organisation,
    String requestedBy,
    String kind,
    Format format,
    LocalDate from,
    LocalDate until,
    String purpose,
    Status status,
    long rowsTotal,
    long rowsDone,
    OffsetDateTime createdAt,
    OffsetDateTime finishedAt,
    OffsetDateTime expiresAt) {

  /** The file's format. */
  public enum Format {
    CSV,
    XLSX
  }

  /** Where the job stands. */
  public enum Status {
    QUEUED,
    RUNNING,
    DONE,
    FAILED
  }

  /** How far the job has got, 0 to 100. */
  public int percent() {
    if (status == Status.DONE) {
      return 100;
    }
    return rowsTotal <= 0 ? 0 : (int) Math.min(99, rowsDone * 100 / rowsTotal);
  }
}
