package org.sahay.organisations;

import static org.sahay.access.Permit.OWN;

import java.util.Map;
import java.util.Set;
import org.sahay.access.AccessPolicy.Relation;
import org.sahay.access.Action;
import org.sahay.access.Role;

/** The actions on an organisation's own details. Each carries its rule. */
public enum OrganisationAction implements Action {
  /** Set the organisation's tax details (its 80G registration, printed on receipts). */
  ORGANISATION_TAX_DETAILS(Map.of(Role.ORG_ADMIN, OWN));

  private final Map<Role, Set<Relation>> rules;

  OrganisationAction(Map<Role, Set<Relation>> rules) {
    this.rules = rules;
  }

  @Override
  public Map<Role, Set<Relation>> rules() {
    return rules;
  }
}
