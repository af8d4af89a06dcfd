package org.sahay.registry;

import static org.sahay.access.Permit.OWN;

import java.util.Map;
import java.util.Set;
import org.sahay.access.AccessPolicy.Relation;
import org.sahay.access.Action;
import org.sahay.access.Role;

/**
 * The actions on a collective's register of members and households. Each carries its rule: for each
 * role, where it is permitted.
 */
public enum RegistryAction implements Action {
  /** See member records of a collective. */
  MEMBER_READ(Map.of(Role.ORG_ADMIN, OWN, Role.LEADER, OWN, Role.COUNSELLOR, OWN)),
  /** Register and change members and households of a collective. */
  MEMBER_WRITE(Map.of(Role.ORG_ADMIN, OWN, Role.LEADER, OWN));

  private final Map<Role, Set<Relation>> rules;

  RegistryAction(Map<Role, Set<Relation>> rules) {
    this.rules = rules;
  }

  @Override
  public Map<Role, Set<Relation>> rules() {
    return rules;
  }
}
