package org.sahay.access;

import java.util.Set;
import org.sahay.platform.OrganisationId;
import org.sahay.platform.UserId;

/**
 * The signed-in user a request acts for. {@code organisation} is null only for system admins, who
 * belong to no organisation.
 */
public record Actor(UserId id, String username, OrganisationId organisation, Set<Role> roles) {

  public Actor {
    roles = Set.copyOf(roles);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  public boolean isSystemAdmin() {
    return has(Role.SYSTEM_ADMIN);
  }
}
