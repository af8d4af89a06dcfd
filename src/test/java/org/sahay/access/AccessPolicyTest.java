package org.sahay.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.sahay.platform.UserId;
import org.sahay.registry.RegistryAction;
import org.springframework.security.access.AccessDeniedException;

/**
 * The access policy as a table of role x action x scope. The actor belongs to OWN, which mentors
 * MENTORED and funds FUNDED; OTHER is unrelated; GLOBAL is an action about no one organisation.
 */
class AccessPolicyTest {

  private static final OrganisationId OWN = OrganisationId.newId();
  private static final OrganisationId MENTORED = OrganisationId.newId();
  private static final OrganisationId FUNDED = OrganisationId.newId();
  private static final OrganisationId OTHER = OrganisationId.newId();

  /** Links as the organisations module would report them. */
  private static final OrganisationDirectory LINKS =
      new OrganisationDirectory() {
        @Override
        public Optional<String> kindOf(OrganisationId organisation) {
          return Optional.of("COLLECTIVE");
        }

        @Override
        public Optional<String> nameOf(OrganisationId organisation) {
          return Optional.of("Test");
        }

        @Override
        public Optional<java.time.ZoneId> zoneOf(OrganisationId organisation) {
          return Optional.of(java.time.ZoneId.of("Asia/Kolkata"));
        }

        @Override
        public boolean mentors(OrganisationId mentor, OrganisationId collective) {
          return mentor.equals(OWN) && collective.equals(MENTORED);
        }

        @Override
        public boolean funds(OrganisationId funder, OrganisationId organisation) {
          return funder.equals(OWN) && organisation.equals(FUNDED);
        }

        @Override
        public boolean hasMember(OrganisationId network, OrganisationId collective) {
          return false;
        }
      };

  /** Every action the modules declare, as the application finds them. */
  private static final Actions ACTIONS = new Actions(Actions.scan("org.sahay"));

  private final AccessPolicy policy =
      new AccessPolicy(
          LINKS,
          new org.springframework.beans.factory.support.DefaultListableBeanFactory()
              .getBeanProvider(AccessPolicy.Observer.class));

  @ParameterizedTest(name = "{0} {1} on {2}: {3}")
  @CsvSource({
    // system admins manage organisations and users everywhere, but never see member data
    "SYSTEM_ADMIN, ORGANISATION_CREATE, GLOBAL, PERMIT",
    "SYSTEM_ADMIN, ORGANISATION_LINK, GLOBAL, PERMIT",
    "SYSTEM_ADMIN, ORGANISATION_VIEW, OTHER, PERMIT",
    "SYSTEM_ADMIN, USER_MANAGE, OTHER, PERMIT",
    "SYSTEM_ADMIN, USER_VIEW, OTHER, PERMIT",
    "SYSTEM_ADMIN, AUDIT_VERIFY, GLOBAL, PERMIT",
    "SYSTEM_ADMIN, OPERATIONS, GLOBAL, PERMIT",
    "SYSTEM_ADMIN, MEMBER_READ, OTHER, HIDDEN",
    "SYSTEM_ADMIN, MEMBER_WRITE, OTHER, HIDDEN",
    "SYSTEM_ADMIN, SENSITIVE_READ, OTHER, HIDDEN",
    "SYSTEM_ADMIN, AUDIT_READ, OTHER, HIDDEN",
    "SYSTEM_ADMIN, FUNDS_READ, OTHER, HIDDEN",
    "SYSTEM_ADMIN, DONOR_READ, OTHER, HIDDEN",
    // funds: admins record and reverse, leaders record donations, mentors and funders look on
    "ORG_ADMIN, FUNDS_WRITE, OWN, PERMIT",
    "ORG_ADMIN, FUNDS_WRITE, MENTORED, FORBIDDEN",
    "ORG_ADMIN, FUNDS_READ, OTHER, HIDDEN",
    "ORG_ADMIN, DONOR_READ, OWN, PERMIT",
    "LEADER, DONATION_RECORD, OWN, PERMIT",
    "LEADER, FUNDS_WRITE, OWN, FORBIDDEN",
    "LEADER, DONATION_RECORD, OTHER, HIDDEN",
    "COUNSELLOR, FUNDS_READ, OWN, FORBIDDEN",
    "MENTOR_STAFF, FUNDS_READ, MENTORED, PERMIT",
    "MENTOR_STAFF, GRANT_READ, MENTORED, PERMIT",
    "MENTOR_STAFF, DONOR_READ, MENTORED, FORBIDDEN",
    "MENTOR_STAFF, FUNDS_WRITE, MENTORED, FORBIDDEN",
    "MENTOR_STAFF, FUNDS_READ, OTHER, HIDDEN",
    "FUNDER_VIEWER, GRANT_READ, FUNDED, PERMIT",
    "FUNDER_VIEWER, FUNDS_READ, FUNDED, FORBIDDEN",
    "FUNDER_VIEWER, DONOR_READ, FUNDED, FORBIDDEN",
    "FUNDER_VIEWER, DONATION_RECORD, FUNDED, FORBIDDEN",
    "FUNDER_VIEWER, GRANT_READ, OTHER, HIDDEN",
    // organisation admins run their own organisation only
    "ORG_ADMIN, USER_MANAGE, OWN, PERMIT",
    "ORG_ADMIN, USER_VIEW, OWN, PERMIT",
    "ORG_ADMIN, USER_MANAGE, OTHER, HIDDEN",
    "ORG_ADMIN, USER_VIEW, MENTORED, FORBIDDEN",
    "ORG_ADMIN, AUDIT_READ, OWN, PERMIT",
    "ORG_ADMIN, AUDIT_READ, OTHER, HIDDEN",
    "ORG_ADMIN, MEMBER_READ, OWN, PERMIT",
    "ORG_ADMIN, SENSITIVE_READ, OWN, PERMIT",
    "ORG_ADMIN, ORGANISATION_CREATE, GLOBAL, FORBIDDEN",
    "ORG_ADMIN, AUDIT_VERIFY, GLOBAL, FORBIDDEN",
    "ORG_ADMIN, OPERATIONS, GLOBAL, FORBIDDEN",
    // leaders and counsellors work inside their collective
    "LEADER, MEMBER_READ, OWN, PERMIT",
    "LEADER, MEMBER_WRITE, OWN, PERMIT",
    "LEADER, SENSITIVE_READ, OWN, FORBIDDEN",
    "LEADER, MEMBER_READ, OTHER, HIDDEN",
    "LEADER, USER_MANAGE, OWN, FORBIDDEN",
    "LEADER, AUDIT_READ, OWN, FORBIDDEN",
    "LEADER, ORGANISATION_VIEW, OWN, PERMIT",
    "LEADER, ORGANISATION_VIEW, OTHER, HIDDEN",
    "COUNSELLOR, SENSITIVE_READ, OWN, PERMIT",
    "COUNSELLOR, MEMBER_WRITE, OWN, FORBIDDEN",
    "COUNSELLOR, SENSITIVE_READ, OTHER, HIDDEN",
    // mentors see the collectives they mentor, not their members (until a collective shares)
    "MENTOR_STAFF, ORGANISATION_VIEW, MENTORED, PERMIT",
    "MENTOR_STAFF, ORGANISATION_VIEW, OTHER, HIDDEN",
    "MENTOR_STAFF, MEMBER_READ, MENTORED, FORBIDDEN",
    "MENTOR_STAFF, SENSITIVE_READ, MENTORED, FORBIDDEN",
    "MENTOR_STAFF, USER_VIEW, MENTORED, FORBIDDEN",
    // funders see whom they fund, never individuals
    "FUNDER_VIEWER, ORGANISATION_VIEW, FUNDED, PERMIT",
    "FUNDER_VIEWER, ORGANISATION_VIEW, MENTORED, FORBIDDEN",
    "FUNDER_VIEWER, MEMBER_READ, FUNDED, FORBIDDEN",
    "FUNDER_VIEWER, MEMBER_READ, OTHER, HIDDEN",
    // district liaisons get exports only, in later modules
    "DISTRICT_LIAISON, MEMBER_READ, OWN, FORBIDDEN",
    "DISTRICT_LIAISON, USER_VIEW, OWN, FORBIDDEN",
    "DISTRICT_LIAISON, ORGANISATION_VIEW, OWN, PERMIT"
  })
  void decidesByRoleActionAndScope(
      Role role, String name, String scope, AccessPolicy.Decision expected) {
    Action action = ACTIONS.named(name).orElseThrow();
    Actor actor =
        new Actor(UserId.newId(), "someone", role == Role.SYSTEM_ADMIN ? null : OWN, Set.of(role));
    assertThat(policy.decide(actor, action, target(scope))).isEqualTo(expected);
  }

  @Test
  void everyActionHasARuleAndNoRoleOtherThanSystemAdminActsGlobally() {
    for (Action action : ACTIONS.all()) {
      boolean someonePermitted = false;
      for (Role role : Role.values()) {
        Actor actor =
            new Actor(
                UserId.newId(), "someone", role == Role.SYSTEM_ADMIN ? null : OWN, Set.of(role));
        for (String scope : new String[] {"GLOBAL", "OWN", "MENTORED", "FUNDED", "OTHER"}) {
          if (policy.permits(actor, action, target(scope))) {
            someonePermitted = true;
            if (scope.equals("GLOBAL")) {
              assertThat(role).as("%s globally", action).isEqualTo(Role.SYSTEM_ADMIN);
            }
          }
        }
      }
      assertThat(someonePermitted || action.grantable())
          .as("%s is allowed to someone, by role or by an admin's grant", action)
          .isTrue();
    }
  }

  @Test
  void aGrantOpensConfidentialProfilesOfTheOwnCollectiveOnly() {
    Actor trusted =
        new Actor(
            UserId.newId(),
            "leader",
            OWN,
            Set.of(Role.LEADER),
            Set.of(AccessAction.SENSITIVE_READ));
    assertThat(policy.decide(trusted, AccessAction.SENSITIVE_READ, OWN))
        .isEqualTo(AccessPolicy.Decision.PERMIT);
    assertThat(policy.decide(trusted, AccessAction.SENSITIVE_READ, OTHER))
        .isEqualTo(AccessPolicy.Decision.HIDDEN);
    assertThat(policy.decide(trusted, AccessAction.SENSITIVE_READ, MENTORED))
        .isEqualTo(AccessPolicy.Decision.FORBIDDEN);
    Actor overreaching =
        new Actor(
            UserId.newId(), "leader", OWN, Set.of(Role.LEADER), Set.of(AccessAction.USER_MANAGE));
    assertThat(policy.permits(overreaching, AccessAction.USER_MANAGE, OWN)).isFalse();
  }

  @Test
  void aUserWithoutRolesMayDoNothing() {
    Actor nobody = new Actor(UserId.newId(), "nobody", OWN, Set.of());
    for (Action action : ACTIONS.all()) {
      assertThat(policy.permits(nobody, action, OWN)).isFalse();
    }
  }

  @Test
  void requireHidesOtherOrganisationsAndForbidsInsideOwn() {
    Actor leader = new Actor(UserId.newId(), "leader", OWN, Set.of(Role.LEADER));
    assertThatThrownBy(() -> policy.require(leader, RegistryAction.MEMBER_READ, OTHER))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> policy.require(leader, AccessAction.USER_MANAGE, OWN))
        .isInstanceOf(AccessDeniedException.class);
    policy.require(leader, RegistryAction.MEMBER_READ, OWN);
  }

  private static OrganisationId target(String scope) {
    return switch (scope) {
      case "GLOBAL" -> null;
      case "OWN" -> OWN;
      case "MENTORED" -> MENTORED;
      case "FUNDED" -> FUNDED;
      default -> OTHER;
    };
  }
}
