package org.sahay.entitlements;

import static org.sahay.access.Permit.GLOBAL;
import static org.sahay.access.Permit.OWN;

import java.util.Map;
import java.util.Set;
import org.sahay.access.AccessPolicy.Relation;
import org.sahay.access.Action;
import org.sahay.access.Role;
import org.sahay.registry.RegistryAction;

/** The actions on schemes and on where members stand with them, each with its rule. */
public enum EntitlementAction implements Action {
  /** Keep the shared catalogue of schemes. */
  SCHEME_SHARED_WRITE(Map.of(Role.SYSTEM_ADMIN, GLOBAL)),
  /** Read the catalogue (the shared list and the organisation's own schemes). */
  SCHEME_READ(
      Map.of(Role.ORG_ADMIN, OWN, Role.LEADER, OWN, Role.COUNSELLOR, OWN, Role.MENTOR_STAFF, OWN)),
  /** Add and change the organisation's own schemes. */
  SCHEME_WRITE(Map.of(Role.ORG_ADMIN, OWN, Role.LEADER, OWN)),
  /** See where the collective's members stand with each scheme. */
  ENTITLEMENT_READ(Map.of(Role.ORG_ADMIN, OWN, Role.LEADER, OWN, Role.COUNSELLOR, OWN)),
  /** Record an application, a grant, a rejection or an appeal. */
  ENTITLEMENT_WRITE(Map.of(Role.ORG_ADMIN, OWN, Role.LEADER, OWN)),
  /**
   * See coverage (who holds which documents, drives, documents won): whoever may count the
   * collective's members; exact for its own people, counts only for those who mentor or fund it.
   */
  COVERAGE_READ(RegistryAction.MEMBER_COUNTS.rules()),
  /** Make beneficiary lists for district offices, keep templates, read the lists sent. */
  DISTRICT_LIST_SEND(Map.of(Role.ORG_ADMIN, OWN, Role.LEADER, OWN)),
  /** An office's liaison: the lists sent to the office, and what it supplied. */
  DISTRICT_LIST_RECEIVE(Map.of(Role.DISTRICT_LIAISON, OWN));

  private final Map<Role, Set<Relation>> rules;

  EntitlementAction(Map<Role, Set<Relation>> rules) {
    this.rules = rules;
  }

  @Override
  public Map<Role, Set<Relation>> rules() {
    return rules;
  }
}
