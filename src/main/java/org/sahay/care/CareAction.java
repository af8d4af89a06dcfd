package org.sahay.care;

import static org.sahay.access.Permit.GLOBAL;
import static org.sahay.access.Permit.OWN;

import java.util.Map;
import java.util.Set;
import org.sahay.access.AccessPolicy.Relation;
import org.sahay.access.Action;
import org.sahay.access.Role;
import org.sahay.registry.RegistryAction;

/** The actions on care records, each with its rule. */
public enum CareAction implements Action {
  /** Read vaccination and the care overview of the collective. */
  CARE_READ(Map.of(Role.ORG_ADMIN, OWN, Role.LEADER, OWN, Role.COUNSELLOR, OWN)),
  /** Record doses. */
  CARE_WRITE(Map.of(Role.ORG_ADMIN, OWN, Role.LEADER, OWN, Role.COUNSELLOR, OWN)),
  /**
   * Hold individual counselling sessions and see who is urgent and due: counsellors. A session's
   * notes open only for the counsellor who wrote them and those the member's record is shared with.
   */
  COUNSELLING(Map.of(Role.COUNSELLOR, OWN)),
  /** Change a vaccine's doses and intervals as guidance changes. */
  VACCINE_SCHEDULE(Map.of(Role.SYSTEM_ADMIN, GLOBAL)),
  /**
   * Counts of care (doses given, due, loans flagged): whoever may count the collective's members;
   * exact for its own people, small counts suppressed for those who mentor or fund it.
   */
  CARE_COUNTS(RegistryAction.MEMBER_COUNTS.rules()),
  /**
   * Read and record a member's informal debts: counsellors and admins of the collective, and any
   * other user of it an admin grants this to.
   */
  DEBT(Map.of(Role.ORG_ADMIN, OWN, Role.COUNSELLOR, OWN)) {
    @Override
    public boolean grantable() {
      return true;
    }
  },
  /**
   * Read and record health support (medicines, nutrition, ART adherence, referrals, LGBTQ+
   * support): counsellors and admins of the collective, and users an admin grants this to.
   */
  HEALTH(Map.of(Role.ORG_ADMIN, OWN, Role.COUNSELLOR, OWN)) {
    @Override
    public boolean grantable() {
      return true;
    }
  },
  /**
   * Read and record safety incidents: nobody by role, not even an admin; only users of the
   * collective an admin grants this to. Every read is audited.
   */
  INCIDENT(Map.of()) {
    @Override
    public boolean grantable() {
      return true;
    }
  };

  private final Map<Role, Set<Relation>> rules;

  CareAction(Map<Role, Set<Relation>> rules) {
    this.rules = rules;
  }

  @Override
  public Map<Role, Set<Relation>> rules() {
    return rules;
  }
}
