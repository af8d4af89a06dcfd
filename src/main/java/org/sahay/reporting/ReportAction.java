package org.sahay.reporting;

import static org.sahay.access.Permit.OWN;

import java.util.Map;
import java.util.Set;
import org.sahay.access.AccessPolicy.Relation;
import org.sahay.access.Action;
import org.sahay.access.Permit;
import org.sahay.access.Role;

/** The actions on reports, each with its rule. */
public enum ReportAction implements Action {
  /**
   * Read a collective's indicators: its own people exactly; mentors, its networks and funders as
   * aggregates with small counts suppressed. Never a record.
   */
  REPORT_READ(
      Map.of(
          Role.ORG_ADMIN,
          OWN,
          Role.LEADER,
          OWN,
          Role.COUNSELLOR,
          OWN,
          Role.MENTOR_STAFF,
          Permit.of(Relation.MENTORS, Relation.IN_NETWORK),
          Role.FUNDER_VIEWER,
          Permit.FUNDS)),
  /** Write the narrative of a donor report: the collective's admins and leaders. */
  REPORT_WRITE(Map.of(Role.ORG_ADMIN, OWN, Role.LEADER, OWN)),
  /**
   * Start a large export of the collective's records and download it, within a day, as the one who
   * asked: the collective's admins and leaders.
   */
  EXPORT_LARGE(Map.of(Role.ORG_ADMIN, OWN, Role.LEADER, OWN));

  private final Map<Role, Set<Relation>> rules;

  ReportAction(Map<Role, Set<Relation>> rules) {
    this.rules = rules;
  }

  @Override
  public Map<Role, Set<Relation>> rules() {
    return rules;
  }
}
