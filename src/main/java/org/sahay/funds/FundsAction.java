package org.sahay.funds;

import static org.sahay.access.Permit.FUNDS;
import static org.sahay.access.Permit.MENTORS;
import static org.sahay.access.Permit.OWN;

import java.util.Map;
import java.util.Set;
import org.sahay.access.AccessPolicy.Relation;
import org.sahay.access.Action;
import org.sahay.access.Role;

/**
 * The actions on an organisation's money. Each carries its rule: for each role, where it is
 * permitted.
 */
public enum FundsAction implements Action {
  /** See an organisation's funds: balances, trial balance, campaigns, expenses. */
  FUNDS_READ(Map.of(Role.ORG_ADMIN, OWN, Role.LEADER, OWN, Role.MENTOR_STAFF, MENTORS)),
  /** Create campaigns, grants, bank accounts and expenses; reverse journal entries. */
  FUNDS_WRITE(Map.of(Role.ORG_ADMIN, OWN)),
  /** Record a donation to a campaign. */
  DONATION_RECORD(Map.of(Role.ORG_ADMIN, OWN, Role.LEADER, OWN)),
  /** See who gave a donation (donor name and contact). */
  DONOR_READ(Map.of(Role.ORG_ADMIN, OWN, Role.LEADER, OWN)),
  /** See grants and what was spent from them; a funder sees only the grants it gave. */
  GRANT_READ(
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

  FundsAction(Map<Role, Set<Relation>> rules) {
    this.rules = rules;
  }

  @Override
  public Map<Role, Set<Relation>> rules() {
    return rules;
  }
}
