package org.sahay.access;

import java.time.ZoneId;
import java.util.Optional;
import org.sahay.platform.OrganisationId;

/**
 * What the access policy needs to know about organisations. Implemented by the organisations
 * module, so that access does not depend on it.
 */
public interface OrganisationDirectory {

  /** The organisation's kind (COLLECTIVE, MENTOR, FUNDER or NETWORK), if it exists. */
  Optional<String> kindOf(OrganisationId organisation);

  Optional<String> nameOf(OrganisationId organisation);

  /** The zone the organisation's times are shown in (Asia/Kolkata unless it chose another). */
  Optional<ZoneId> zoneOf(OrganisationId organisation);

  /** True when {@code mentor} is linked as mentor of {@code collective}. */
  boolean mentors(OrganisationId mentor, OrganisationId collective);

  /** True when {@code funder} is linked as funder of {@code organisation}. */
  boolean funds(OrganisationId funder, OrganisationId organisation);

  /** True when {@code collective} is linked as a member of {@code network}. */
  boolean hasMember(OrganisationId network, OrganisationId collective);
}
