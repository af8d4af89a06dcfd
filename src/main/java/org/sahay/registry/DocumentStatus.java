package org.sahay.registry;

/** Whether the member has the document, and if not, where it stands. */
public enum DocumentStatus {
  HAVE,
  MISSING,
  APPLIED,
  REJECTED,
  LOST
}
