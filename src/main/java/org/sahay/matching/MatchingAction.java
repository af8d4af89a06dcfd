package org.sahay.matching;

import static org.sahay.access.Permit.OWN;

import java.util.Map;
import java.util.Set;
import org.sahay.access.AccessPolicy.Relation;
import org.sahay.access.Action;
import org.sahay.access.Role;

/** The actions on a collective's possible duplicates. */
public enum MatchingAction implements Action {
  /**
   * Scan for, see and decide on pairs that may be one person, merge them and undo a merge: those
   * who keep the register.
   */
  DUPLICATES_REVIEW(Map.of(Role.ORG_ADMIN, OWN, Role.LEADER, OWN));

  private final Map<Role, Set<Relation>> rules;

  MatchingAction(Map<Role, Set<Relation>> rules) {
    this.rules = rules;
  }

  @Override
  public Map<Role, Set<Relation>> rules() {
    return rules;
  }
}
