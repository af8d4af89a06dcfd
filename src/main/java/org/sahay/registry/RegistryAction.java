package org.sahay.registry;

import static org.sahay.access.Permit.FUNDS;
import static org.sahay.access.Permit.MENTORS;
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
  MEMBER_WRITE(Map.of(Role.ORG_ADMIN, OWN, Role.LEADER, OWN)),
  /**
   * Counts of a collective's members (how many hold each document), never a record: its own people,
   * and those who mentor or fund it, who see them with small counts suppressed.
   */
  MEMBER_COUNTS(
      Map.of(
          Role.ORG_ADMIN,
          OWN,
          Role.LEADER,
          OWN,
          Role.COUNSELLOR,
          OWN,
          Role.MENTOR_STAFF,
          MENTORS,
          Role.FUNDER_VIEWER,
          FUNDS));

  private final Map<Role, Set<Relation>> rules;

  RegistryAction(Map<Role, Set<Relation>> rules) {
    this.rules = rules;
  }

  @Override
  public Map<Role, Set<Relation>> rules() {
    return rules;
  }
}
