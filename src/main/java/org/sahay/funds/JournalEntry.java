package org.sahay.funds;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A posted journal entry, never changed afterwards. {@code reverses} names the entry a reversal
 * mirrors; {@code reversedBy} the reversal of this entry, if there is one.
 */
public record JournalEntry(
    JournalEntryId id,
    LocalDate date,
    String kind,
    String description,
    long debitsPaise,
    long creditsPaise,
    JournalEntryId reverses,
    JournalEntryId reversedBy,
    String reason,
    String postedBy,
    Instant postedAt,
    List<Line> lines) {

  /** One line of an entry, in paise. */
  public record Line(AccountId account, String accountCode, long debitPaise, long creditPaise) {}
}
