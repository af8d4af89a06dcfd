package org.sahay.reporting;

import java.time.YearMonth;
import java.util.List;
import org.sahay.platform.OrganisationId;

/**
 * A dashboard: whose it is ({@code kind}), the collectives it counts, the months it covers, the
 * district it is narrowed to (or null), whether its counts are exact (the collective's own people)
 * or suppressed, the districts one may narrow it to, and its panels.
 */
public record Dashboard(
    Kind kind,
    List<Collective> collectives,
    OrganisationId collective,
    YearMonth from,
    YearMonth to,
    String district,
    boolean exact,
    List<String> districts,
    List<Panel> panels) {

  /** Whose dashboard: a collective's own, or a mentor's, funder's or network's across several. */
  public enum Kind {
    COLLECTIVE,
    MENTOR,
    FUNDER,
    NETWORK
  }

  /** A collective counted, by name. */
  public record Collective(OrganisationId id, String name) {}

  public Dashboard {
    collectives = List.copyOf(collectives);
    districts = List.copyOf(districts);
    panels = List.copyOf(panels);
  }

  /** The panel of an indicator, if the dashboard has it. */
  public java.util.Optional<Panel> panel(String key) {
    return panels.stream().filter(p -> p.indicator().key().equals(key)).findFirst();
  }
}
