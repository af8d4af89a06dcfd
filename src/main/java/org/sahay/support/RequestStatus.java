package org.sahay.support;

/** Where a support request stands. */
public enum RequestStatus {
  DRAFT,
  SUBMITTED,
  APPROVED,
  PARTLY_APPROVED,
  REJECTED,
  DISBURSING,
  CLOSED
}
