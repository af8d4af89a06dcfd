package org.sahay.needs;

/** Where following up a need stands. */
public enum NeedStatus {
  OPEN,
  BEING_MET,
  MET,
  REFERRED,
  CLOSED
}
