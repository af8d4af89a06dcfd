package org.sahay.care;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * When a member's next dose of a vaccine falls due: the interval after the highest dose she was
 * given, added to the day it was given. Months are calendar months: a dose on 31 January with a
 * one-month interval is due on the last day of February (the 29th in a leap year), never in March.
 */
public final class DoseSchedule {

  /** The next dose and the day it falls due. */
  public record Next(int dose, LocalDate dueOn) {}

  private DoseSchedule() {}

  /** The next dose of {@code vaccine} after {@code given} (her doses of it); none when complete. */
  public static Optional<Next> next(Vaccine vaccine, List<Dose> given) {
    return given.stream()
        .filter(d -> d.vaccine().equals(vaccine.code()))
        .max(Comparator.comparingInt(Dose::number))
        .filter(last -> last.number() < vaccine.doses())
        .map(
            last ->
                new Next(
                    last.number() + 1,
                    last.givenOn().plus(vaccine.intervals().get(last.number() - 1))));
  }
}
