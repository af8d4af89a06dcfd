package org.sahay.relief;

import static org.sahay.access.Permit.FUNDS;
import static org.sahay.access.Permit.MENTORS;
import static org.sahay.access.Permit.OWN;

import java.util.Map;
import java.util.Set;
import org.sahay.access.AccessPolicy.Relation;
import org.sahay.access.Action;
import org.sahay.access.Role;

/**
 * The actions on a collective's relief: items, stock, rounds, hand-overs. Each carries its rule:
 * for each role, where it is permitted.
 */
public enum ReliefAction implements Action {
  /** See a collective's relief items, stock, rounds, recipients and distributions. */
  RELIEF_READ(Map.of(Role.ORG_ADMIN, OWN, Role.LEADER, OWN)),
  /** Record and manage items, stock, rounds and distributions of a collective. */
  RELIEF_WRITE(Map.of(Role.ORG_ADMIN, OWN, Role.LEADER, OWN)),
  /** See distribution round summaries as counts only, small counts suppressed. */
  RELIEF_SUMMARY(
      Map.of(
          Role.ORG_ADMIN,
          OWN,
          Role.LEADER,
          OWN,
          Role.MENTOR_STAFF,
          MENTORS,
          Role.FUNDER_VIEWER,
          FUNDS));

  private final Map<Role, Set<Relation>> rules;

  ReliefAction(Map<Role, Set<Relation>> rules) {
    this.rules = rules;
  }

  @Override
  public Map<Role, Set<Relation>> rules() {
    return rules;
  }
}
