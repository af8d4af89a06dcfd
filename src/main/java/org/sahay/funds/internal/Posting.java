package org.sahay.funds.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.sahay.funds.AccountId;
import org.sahay.funds.JournalEntryId;

/**
 * A journal entry about to be posted. It checks the rule of double entry itself: at least two
 * lines, each a positive debit or a positive credit, and debits equal to credits. The database
 * checks the same again when the entry is written.
 */
public record Posting(
    Kind kind,
    LocalDate date,
    String description,
    UUID source,
    JournalEntryId reverses,
    String reason,
    List<Line> lines) {

  /** What posted the entry. */
  public enum Kind {
    DONATION,
    GRANT_INSTALMENT,
    EXPENSE,
    REVERSAL
  }

  /** One side of one account: exactly one of debit and credit is positive, in paise. */
  public record Line(AccountId account, long debit, long credit) {
    public Line {
      Objects.requireNonNull(account, "account");
      if (debit < 0 || credit < 0 || (debit == 0) == (credit == 0)) {
        throw new IllegalArgumentException("a line is a positive debit or a positive credit");
      }
    }

    public static Line debit(AccountId account, long paise) {
      return new Line(account, paise, 0);
    }

    public static Line credit(AccountId account, long paise) {
      return new Line(account, 0, paise);
    }

    /** The same amount on the other side, for a reversal. */
    public Line mirrored() {
      return new Line(account, credit, debit);
    }
  }

  public Posting {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(description, "description");
    lines = List.copyOf(lines);
    if (lines.size() < 2) {
      throw new IllegalArgumentException("an entry has at least two lines");
    }
    if (debits(lines) != credits(lines)) {
      throw new IllegalArgumentException("debits and credits of an entry must be equal");
    }
    if ((kind == Kind.REVERSAL) != (reverses != null)) {
      throw new IllegalArgumentException("a reversal, and only a reversal, names what it reverses");
    }
    if (kind == Kind.REVERSAL && (reason == null || reason.isBlank())) {
      throw new IllegalArgumentException("a reversal has a reason");
    }
  }

  public long total() {
    return debits(lines);
  }

  /** The mirror entry: every debit becomes a credit and every credit a debit. */
  public static Posting reversal(
      JournalEntryId original, LocalDate date, String reason, List<Line> originalLines) {
    return new Posting(
        Kind.REVERSAL,
        date,
        "Reversal of " + original,
        null,
        original,
        reason,
        originalLines.stream().map(Line::mirrored).toList());
  }

  private static long debits(List<Line> lines) {
    return lines.stream().mapToLong(Line::debit).reduce(0, Math::addExact);
  }

  private static long credits(List<Line> lines) {
    return lines.stream().mapToLong(Line::credit).reduce(0, Math::addExact);
  }
}
