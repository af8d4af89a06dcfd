package org.sahay.access.internal;

import java.time.Instant;
import java.util.Set;
import org.sahay.access.Action;
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
    Set<Role> roles,
    Set<Action> grants) {

  public UserRecord {
    roles = Set.copyOf(roles);
    grants = Set.copyOf(grants);
  }

  public UserRecord(
      UserId id,
      OrganisationId organisation,
      String username,
      String passwordHash,
      Language language,
      boolean active,
      Instant createdAt,
      Set<Role> roles) {
    this(id, organisation, username, passwordHash, language, active, createdAt, roles, Set.of());
  }

  public Actor actor() {
    return new Actor(id, username, organisation, roles, grants);
  }
}
