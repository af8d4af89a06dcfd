package org.sahay.support;

import static org.sahay.access.Permit.FUNDS;
import static org.sahay.access.Permit.MENTORS;
import static org.sahay.access.Permit.OWN;

import java.util.Map;
import java.util.Set;
import org.sahay.access.AccessPolicy.Relation;
import org.sahay.access.Action;
import org.sahay.access.Role;

/** The actions on support requests. Each carries its rule: for each role, where it is permitted. */
public enum SupportAction implements Action {
  /** Ask for support, submit the request, record cash paid against approved lines. */
  SUPPORT_REQUEST(Map.of(Role.ORG_ADMIN, OWN, Role.LEADER, OWN)),
  /**
   * See support requests (a funder: those addressed to it; a mentor: of collectives it mentors).
   */
  SUPPORT_VIEW(
      Map.of(
          Role.ORG_ADMIN,
          OWN,
          Role.LEADER,
          OWN,
          Role.MENTOR_STAFF,
          MENTORS,
          Role.FUNDER_VIEWER,
          FUNDS)),
  /** Decide a support request addressed to one's own organisation. */
  SUPPORT_DECIDE(Map.of(Role.MENTOR_STAFF, MENTORS, Role.FUNDER_VIEWER, FUNDS)),
  /** Comment on a support request. */
  SUPPORT_COMMENT(
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

  SupportAction(Map<Role, Set<Relation>> rules) {
    this.rules = rules;
  }

  @Override
  public Map<Role, Set<Relation>> rules() {
    return rules;
  }
}
