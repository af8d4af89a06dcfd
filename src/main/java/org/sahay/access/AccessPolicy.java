package org.sahay.access;

import static java.util.Map.entry;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The one place that answers: may this user do this to that organisation's data? Controllers and
 * services ask it; they never decide alone. A system admin manages organisations and users but has
 * no implicit access to member data.
 */
@Component
public class AccessPolicy {

  /** How the actor stands to the organisation that owns the target. */
  public enum Relation {
    /** A global action, not about one organisation. */
    GLOBAL,
    OWN,
    MENTORS,
    FUNDS,
    NONE
  }

  /** PERMIT; FORBIDDEN (403) inside a relation; HIDDEN (404) so that existence is not revealed. */
  public enum Decision {
    PERMIT,
    FORBIDDEN,
    HIDDEN
  }

  private static final Set<Relation> ANY =
      EnumSet.of(Relation.GLOBAL, Relation.OWN, Relation.MENTORS, Relation.FUNDS, Relation.NONE);
  private static final Set<Relation> GLOBAL = EnumSet.of(Relation.GLOBAL);
  private static final Set<Relation> OWN = EnumSet.of(Relation.OWN);
  private static final Set<Relation> ANY_ORGANISATION =
      EnumSet.of(Relation.OWN, Relation.MENTORS, Relation.FUNDS, Relation.NONE);

  private static final Map<Action, Map<Role, Set<Relation>>> RULES =
      Map.ofEntries(
          entry(Action.ORGANISATION_CREATE, Map.of(Role.SYSTEM_ADMIN, GLOBAL)),
          entry(Action.ORGANISATION_LINK, Map.of(Role.SYSTEM_ADMIN, GLOBAL)),
          entry(
              Action.ORGANISATION_VIEW,
              Map.of(
                  Role.SYSTEM_ADMIN, ANY,
                  Role.ORG_ADMIN, EnumSet.of(Relation.OWN, Relation.MENTORS, Relation.FUNDS),
                  Role.LEADER, OWN,
                  Role.COUNSELLOR, OWN,
                  Role.MENTOR_STAFF, EnumSet.of(Relation.OWN, Relation.MENTORS),
                  Role.FUNDER_VIEWER, EnumSet.of(Relation.OWN, Relation.FUNDS),
                  Role.DISTRICT_LIAISON, OWN)),
          entry(Action.USER_VIEW, Map.of(Role.SYSTEM_ADMIN, ANY_ORGANISATION, Role.ORG_ADMIN, OWN)),
          entry(
              Action.USER_MANAGE, Map.of(Role.SYSTEM_ADMIN, ANY_ORGANISATION, Role.ORG_ADMIN, OWN)),
          entry(Action.AUDIT_READ, Map.of(Role.ORG_ADMIN, OWN)),
          entry(Action.AUDIT_VERIFY, Map.of(Role.SYSTEM_ADMIN, GLOBAL)),
          entry(Action.OPERATIONS, Map.of(Role.SYSTEM_ADMIN, GLOBAL)),
          entry(
              Action.MEMBER_READ,
              Map.of(Role.ORG_ADMIN, OWN, Role.LEADER, OWN, Role.COUNSELLOR, OWN)),
          entry(Action.MEMBER_WRITE, Map.of(Role.ORG_ADMIN, OWN, Role.LEADER, OWN)),
          entry(Action.SENSITIVE_READ, Map.of(Role.ORG_ADMIN, OWN, Role.COUNSELLOR, OWN)),
          entry(Action.FORM_MANAGE, Map.of(Role.ORG_ADMIN, OWN)),
          entry(
              Action.FORM_FILL,
              Map.of(Role.ORG_ADMIN, OWN, Role.LEADER, OWN, Role.COUNSELLOR, OWN)),
          entry(
              Action.NEED_READ,
              Map.of(Role.ORG_ADMIN, OWN, Role.LEADER, OWN, Role.COUNSELLOR, OWN)),
          entry(
              Action.NEED_WRITE,
              Map.of(Role.ORG_ADMIN, OWN, Role.LEADER, OWN, Role.COUNSELLOR, OWN)),
          entry(
              Action.FUNDS_READ,
              Map.of(
                  Role.ORG_ADMIN, OWN,
                  Role.LEADER, OWN,
                  Role.MENTOR_STAFF, EnumSet.of(Relation.MENTORS))),
          entry(Action.FUNDS_WRITE, Map.of(Role.ORG_ADMIN, OWN)),
          entry(Action.DONATION_RECORD, Map.of(Role.ORG_ADMIN, OWN, Role.LEADER, OWN)),
          entry(Action.DONOR_READ, Map.of(Role.ORG_ADMIN, OWN, Role.LEADER, OWN)),
          entry(
              Action.GRANT_READ,
              Map.of(
                  Role.ORG_ADMIN,
                  OWN,
                  Role.LEADER,
                  OWN,
                  Role.MENTOR_STAFF,
                  EnumSet.of(Relation.MENTORS),
                  Role.FUNDER_VIEWER,
                  EnumSet.of(Relation.FUNDS))),
          entry(Action.SUPPORT_REQUEST, Map.of(Role.ORG_ADMIN, OWN, Role.LEADER, OWN)),
          entry(
              Action.SUPPORT_VIEW,
              Map.of(
                  Role.ORG_ADMIN,
                  OWN,
                  Role.LEADER,
                  OWN,
                  Role.MENTOR_STAFF,
                  EnumSet.of(Relation.MENTORS),
                  Role.FUNDER_VIEWER,
                  EnumSet.of(Relation.FUNDS))),
          entry(
              Action.SUPPORT_DECIDE,
              Map.of(
                  Role.MENTOR_STAFF, EnumSet.of(Relation.MENTORS),
                  Role.FUNDER_VIEWER, EnumSet.of(Relation.FUNDS))),
          entry(
              Action.SUPPORT_COMMENT,
              Map.of(
                  Role.ORG_ADMIN,
                  OWN,
                  Role.LEADER,
                  OWN,
                  Role.MENTOR_STAFF,
                  EnumSet.of(Relation.MENTORS),
                  Role.FUNDER_VIEWER,
                  EnumSet.of(Relation.FUNDS))),
          entry(Action.RELIEF_READ, Map.of(Role.ORG_ADMIN, OWN, Role.LEADER, OWN)),
          entry(Action.RELIEF_WRITE, Map.of(Role.ORG_ADMIN, OWN, Role.LEADER, OWN)),
          entry(
              Action.RELIEF_SUMMARY,
              Map.of(
                  Role.ORG_ADMIN,
                  OWN,
                  Role.LEADER,
                  OWN,
                  Role.MENTOR_STAFF,
                  EnumSet.of(Relation.MENTORS),
                  Role.FUNDER_VIEWER,
                  EnumSet.of(Relation.FUNDS))));

  /** What an organisation admin may grant one user beyond their roles. */
  public static final Set<Action> GRANTABLE = EnumSet.of(Action.SENSITIVE_READ);

  private final OrganisationDirectory organisations;

  AccessPolicy(OrganisationDirectory organisations) {
    this.organisations = organisations;
  }

  /** Decides an action on data of {@code target}; a null target asks about a global action. */
  public Decision decide(Actor actor, Action action, OrganisationId target) {
    Relation relation = relation(actor, target);
    Map<Role, Set<Relation>> byRole = RULES.getOrDefault(action, Map.of());
    boolean permitted =
        actor.roles().stream()
            .anyMatch(role -> byRole.getOrDefault(role, Set.of()).contains(relation));
    if (permitted
        || (relation == Relation.OWN
            && GRANTABLE.contains(action)
            && actor.grants().contains(action))) {
      return Decision.PERMIT;
    }
    return relation == Relation.NONE ? Decision.HIDDEN : Decision.FORBIDDEN;
  }

  public boolean permits(Actor actor, Action action, OrganisationId target) {
    return decide(actor, action, target) == Decision.PERMIT;
  }

  /**
   * Throws unless permitted: {@link NotFoundException} for another organisation's data, {@link
   * AccessDeniedException} otherwise.
   */
  public void require(Actor actor, Action action, OrganisationId target) {
    switch (decide(actor, action, target)) {
      case PERMIT -> {}
      case HIDDEN -> throw new NotFoundException();
      case FORBIDDEN -> throw new AccessDeniedException("not permitted");
    }
  }

  public Relation relation(Actor actor, OrganisationId target) {
    if (target == null) {
      return Relation.GLOBAL;
    }
    OrganisationId own = actor.organisation();
    if (own == null) {
      return Relation.NONE;
    }
    if (own.equals(target)) {
      return Relation.OWN;
    }
    if (organisations.mentors(own, target)) {
      return Relation.MENTORS;
    }
    if (organisations.funds(own, target)) {
      return Relation.FUNDS;
    }
    return Relation.NONE;
  }
}
