package org.sahay.care;

/** How a livelihood stands. */
public enum LivelihoodStatus {
  STARTED,
  RUNNING,
  PAUSED,
  STOPPED
}
