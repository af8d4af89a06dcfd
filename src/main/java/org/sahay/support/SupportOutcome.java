package org.sahay.support;

import java.util.List;
import java.util.Map;

/** What became of a request to change a support request or pay against it. */
public sealed interface SupportOutcome<T> {

  record Done<T>(T value) implements SupportOutcome<T> {}

  /** Field name to message key for each wrong field; nothing was recorded. */
  record Invalid<T>(Map<String, String> errors) implements SupportOutcome<T> {}

  /**
   * A rule refused it (409): why, with the arguments its message shows, and where it matters the
   * earlier disbursement that stands in the way; nothing was recorded.
   */
  record Refused<T>(SupportRefusal refusal, List<Object> args, Object earlier)
      implements SupportOutcome<T> {

    public Refused(SupportRefusal refusal, Object... args) {
      this(refusal, List.of(args), null);
    }

    /** The message telling the person why, in their language. */
    public String messageKey() {
      return refusal.messageKey();
    }
  }
}
