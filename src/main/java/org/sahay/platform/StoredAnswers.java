package org.sahay.platform;

import java.util.UUID;

/**
 * The answers kept for replaying API calls with an {@code Idempotency-Key}. An answer may carry a
 * person's data (a registered member, her profile); when that person is erased, every stored answer
 * that names her is stripped in the erasing transaction, and a replay of its key is told the record
 * was erased instead of being run again or shown the old answer.
 */
public interface StoredAnswers {

  /** Strips every stored answer whose body names this id; returns how many. */
  int forgetAnswersNaming(UUID subject);
}
