package org.sahay.organisations;

import static org.sahay.platform.IndianFormats.INDIA;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.sahay.platform.OrganisationId;
import org.springframework.stereotype.Component;

/**
 * Today's date where the organisation is (Asia/Kolkata unless it chose another zone): the date a
 * payment, a grant or a receipt carries, whatever zone the server runs in.
 */
@Component
public class Today {

  private final Clock clock;
  private final Organisations organisations;

  Today(Clock clock, Organisations organisations) {
    this.clock = clock;
    this.organisations = organisations;
  }

  public LocalDate at(OrganisationId organisation) {
    return LocalDate.now(clock.withZone(zone(organisation)));
  }

  /** The zone the organisation's dates and times are in; Asia/Kolkata with no organisation. */
  public ZoneId zone(OrganisationId organisation) {
    return organisation == null
        ? INDIA
        : organisations.find(organisation).map(Organisation::timeZone).orElse(INDIA);
  }
}
