package org.sahay.care;

/** What happened to her. */
public enum IncidentKind {
  VIOLENCE,
  EVICTION,
  EXTORTION,
  HARASSMENT,
  TRAFFICKING_ATTEMPT
}
