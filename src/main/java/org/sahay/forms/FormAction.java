package org.sahay.forms;

import static org.sahay.access.Permit.OWN;

import java.util.Map;
import java.util.Set;
import org.sahay.access.AccessPolicy.Relation;
import org.sahay.access.Action;
import org.sahay.access.Role;

/**
 * The actions on a collective's questionnaires. Each carries its rule: for each role, where it is
 * permitted.
 */
public enum FormAction implements Action {
  /** Upload questionnaires (XLSForm) for a collective. */
  FORM_MANAGE(Map.of(Role.ORG_ADMIN, OWN)),
  /** Fill questionnaires about members and households of a collective. */
  FORM_FILL(Map.of(Role.ORG_ADMIN, OWN, Role.LEADER, OWN, Role.COUNSELLOR, OWN));

  private final Map<Role, Set<Relation>> rules;

  FormAction(Map<Role, Set<Relation>> rules) {
    this.rules = rules;
  }

  @Override
  public Map<Role, Set<Relation>> rules() {
    return rules;
  }
}
