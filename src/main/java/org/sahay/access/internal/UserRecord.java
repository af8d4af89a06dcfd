package org.sahay.access.internal;

import java.time.Instant;
import java.util.Set;
import org.sahay.access.Actor;
import org.sahay.access.Role;
import org.sahay.platform.Language;
import org.sahay.platform.OrganisationId;
import org.sahay.platform.UserId;

/** A user account as stored. */
public record UserRecord(
    UserId id,
    OrganisationId organisation,
    String username,
    String passwordHash,
    Language language,
    boolean active,
    Instant createdAt,
    Set<Role> roles) {

  public UserRecord {
    roles = Set.copyOf(roles);
  }

  public Actor actor() {
    return new Actor(id, username, organisation, roles);
  }
}
