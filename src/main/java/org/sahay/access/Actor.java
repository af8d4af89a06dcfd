package org.sahay.access;

import java.util.Set;
import org.sahay.platform.OrganisationId;
import org.sahay.platform.UserId;

/**
 * The signed-in user a request acts for. {@code organisation} is null only for system admins, who
 * belong to no organisation. {@code grants} are actions an organisation admin allowed this user
 * beyond their roles, inside their own organisation.
 */
public record Actor(
    UserId id, String username, OrganisationId organisation, Set<Role> roles, Set<Action> grants) {

  public Actor {
    roles = Set.copyOf(roles);
    grants = Set.copyOf(grants);
  }

  public Actor(UserId id, String username, OrganisationId organisation, Set<Role> roles) {
    this(id, username, organisation, roles, Set.of());
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  public boolean isSystemAdmin() {
    return has(Role.SYSTEM_ADMIN);
  }
}
