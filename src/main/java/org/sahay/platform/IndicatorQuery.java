package org.sahay.platform;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What reports ask of each module's indicators: the collectives (already checked by reporting's
 * policy), the period from {@code from} up to but not including {@code until} in {@code zone}, a
 * district or none, and a funder whose grants alone count for money, or none.
 */
public record IndicatorQuery(
    List<OrganisationId> collectives,
    LocalDate from,
    LocalDate until,
    ZoneId zone,
    String district,
    OrganisationId funder) {

  public IndicatorQuery {
    collectives = List.copyOf(collectives);
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(until, "until");
    Objects.requireNonNull(zone, "zone");
    if (!until.isAfter(from)) {
      throw new IllegalArgumentException("empty period");
    }
    district = district == null || district.isBlank() ? null : district.strip();
  }

  /** The first instant of the period. */
  public OffsetDateTime start() {
    return from.atStartOfDay(zone).toOffsetDateTime();
  }

  /** The first instant after the period. */
  public OffsetDateTime end() {
    return until.atStartOfDay(zone).toOffsetDateTime();
  }

  /**
   * The statement with {@code (:orgs)} replaced by the collectives' ids written out as literals.
   * Bound as a hundred parameters, H2 compares each row with each id in turn (a network's dashboard
   * over a million members took minutes); as literals, both databases look them up in a set. An id
   * is a UUID we made, never text anybody typed, so nothing can be smuggled in.
   */
  public String inline(String statement) {
    StringBuilder ids = new StringBuilder();
    for (UUID id : organisationIds()) {
      ids.append(ids.length() == 0 ? "" : ", ").append('\'').append(id).append('\'');
    }
    return statement.replace("(:orgs)", "(" + ids + ")");
  }

  /** The collectives' ids as SQL parameters; never empty, so that {@code in (:orgs)} is valid. */
  public List<UUID> organisationIds() {
    return collectives.isEmpty()
        ? List.of(new UUID(0, 0))
        : collectives.stream().map(OrganisationId::value).toList();
  }
}
