package org.sahay.care;

/** How an individual session was held. */
public enum SessionMode {
  IN_PERSON,
  PHONE,
  VIDEO
}
