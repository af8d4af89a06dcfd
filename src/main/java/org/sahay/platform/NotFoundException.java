package org.sahay.platform;

/**
 * Thrown when something does not exist or must look as if it did not (another organisation's
 * record): both answer 404, so that existence is never revealed.
 */
public class NotFoundException extends RuntimeException {

  public NotFoundException() {
    super("not found", null, false, false);
  }
}
