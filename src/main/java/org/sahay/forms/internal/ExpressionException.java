package org.sahay.forms.internal;

/** An expression that cannot be read: a message key, the 1-based character position, a detail. */
public final class ExpressionException extends Exception {

  private final String messageKey;
  private final int position;
  private final String detail;

  ExpressionException(String messageKey, int position, String detail) {
    super(messageKey + " at " + position + ": " + detail, null, false, false);
    this.messageKey = messageKey;
    this.position = position;
    this.detail = detail;
  }

  public String messageKey() {
    return messageKey;
  }

  public int position() {
    return position;
  }

  public String detail() {
    return detail;
  }
}
