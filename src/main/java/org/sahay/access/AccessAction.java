package org.sahay.access;

import static org.sahay.access.Permit.ANY;
import static org.sahay.access.Permit.ANY_ORGANISATION;
import static org.sahay.access.Permit.GLOBAL;
import static org.sahay.access.Permit.OWN;

import java.util.Map;
import java.util.Set;
import org.sahay.access.AccessPolicy.Relation;

/** The actions of access itself: organisations, users, audit, operations, sensitive data. */
public enum AccessAction implements Action {
  /** Create organisations (global). */
  ORGANISATION_CREATE(Map.of(Role.SYSTEM_ADMIN, GLOBAL)),
  /** Link mentors and funders to organisations (global). */
  ORGANISATION_LINK(Map.of(Role.SYSTEM_ADMIN, GLOBAL)),
  /** See an organisation's name, place and kind. */
  ORGANISATION_VIEW(
      Map.of(
          Role.SYSTEM_ADMIN, ANY,
          Role.ORG_ADMIN, Permit.of(Relation.OWN, Relation.MENTORS, Relation.FUNDS),
          Role.LEADER, OWN,
          Role.COUNSELLOR, OWN,
          Role.MENTOR_STAFF, Permit.of(Relation.OWN, Relation.MENTORS),
          Role.FUNDER_VIEWER, Permit.of(Relation.OWN, Relation.FUNDS),
          Role.DISTRICT_LIAISON, OWN)),
  /** See the users of an organisation. */
  USER_VIEW(Map.of(Role.SYSTEM_ADMIN, ANY_ORGANISATION, Role.ORG_ADMIN, OWN)),
  /** Create and deactivate users of an organisation and end their sessions. */
  USER_MANAGE(Map.of(Role.SYSTEM_ADMIN, ANY_ORGANISATION, Role.ORG_ADMIN, OWN)),
  /** Read an organisation's audit log. */
  AUDIT_READ(Map.of(Role.ORG_ADMIN, OWN)),
  /** Check every audit chain for altered or deleted entries (global). */
  AUDIT_VERIFY(Map.of(Role.SYSTEM_ADMIN, GLOBAL)),
  /** Actuator endpoints other than health (global). */
  OPERATIONS(Map.of(Role.SYSTEM_ADMIN, GLOBAL)),
  /**
   * See and change sensitive fields (health, sex work, incidents, notes, screenings); an
   * organisation admin may also grant it to one trusted user.
   */
  SENSITIVE_READ(Map.of(Role.ORG_ADMIN, OWN, Role.COUNSELLOR, OWN)) {
    @Override
    public boolean grantable() {
      return true;
    }
  };

  private final Map<Role, Set<Relation>> rules;

  AccessAction(Map<Role, Set<Relation>> rules) {
    this.rules = rules;
  }

  @Override
  public Map<Role, Set<Relation>> rules() {
    return rules;
  }
}
