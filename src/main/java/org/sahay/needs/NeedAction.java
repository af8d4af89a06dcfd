package org.sahay.needs;

import static org.sahay.access.Permit.OWN;

import java.util.Map;
import java.util.Set;
import org.sahay.access.AccessPolicy.Relation;
import org.sahay.access.Action;
import org.sahay.access.Role;

/**
 * The actions on a collective's needs register. Each carries its rule: for each role, where it is
 * permitted.
 */
public enum NeedAction implements Action {
  /** See the needs register of a collective. */
  NEED_READ(Map.of(Role.ORG_ADMIN, OWN, Role.LEADER, OWN, Role.COUNSELLOR, OWN)),
  /** Record needs and follow them up. */
  NEED_WRITE(Map.of(Role.ORG_ADMIN, OWN, Role.LEADER, OWN, Role.COUNSELLOR, OWN));

  private final Map<Role, Set<Relation>> rules;

  NeedAction(Map<Role, Set<Relation>> rules) {
    this.rules = rules;
  }

  @Override
  public Map<Role, Set<Relation>> rules() {
    return rules;
  }
}
