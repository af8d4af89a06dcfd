package org.sahay.entitlements;

import java.util.Map;

/** What saving a scheme or an entitlement came to. */
public sealed interface EntitlementOutcome<T> {

  record Saved<T>(T value) implements EntitlementOutcome<T> {}

  /** Field name to message key for each wrong field. */
  record Invalid<T>(Map<String, String> errors) implements EntitlementOutcome<T> {}

  /** Somebody changed it since the version the caller read. */
  record Stale<T>(int currentVersion) implements EntitlementOutcome<T> {}
}
