package org.sahay.access;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The one place that answers: may this user do this to that organisation's data? Controllers and
 * services ask it; they never decide alone. Each module declares its actions with their rules (role
 * x relation, {@link Action#rules()}); this policy decides them all alike. A system admin manages
 * organisations and users but has no implicit access to member data.
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
    /** The target collective is a member of the actor's network: counts only. */
    IN_NETWORK,
    NONE
  }

  /** PERMIT; FORBIDDEN (403) inside a relation; HIDDEN (404) so that existence is not revealed. */
  public enum Decision {
    PERMIT,
    FORBIDDEN,
    HIDDEN
  }

  /**
   * Told of every decision as it is made, with whether the caller required it (a refusal ends the
   * request) or only asked (to show or hide a part). The route-table test uses one to learn which
   * actions each route requires; production registers none.
   */
  public interface Observer {
    void decided(
        Actor actor, Action action, OrganisationId target, Decision decision, boolean required);
  }

  private final OrganisationDirectory organisations;
  private final List<Observer> observers;

  AccessPolicy(OrganisationDirectory organisations, ObjectProvider<Observer> observers) {
    this.organisations = organisations;
    this.observers = observers.orderedStream().toList();
  }

  /** Decides an action on data of {@code target}; a null target asks about a global action. */
  public Decision decide(Actor actor, Action action, OrganisationId target) {
    return decided(actor, action, target, false);
  }

  private Decision decided(Actor actor, Action action, OrganisationId target, boolean required) {
    Decision decision = decision(actor, action, target);
    for (Observer observer : observers) {
      observer.decided(actor, action, target, decision, required);
    }
    return decision;
  }

  private Decision decision(Actor actor, Action action, OrganisationId target) {
    Relation relation = relation(actor, target);
    Map<Role, Set<Relation>> byRole = action.rules();
    boolean permitted =
        actor.roles().stream()
            .anyMatch(role -> byRole.getOrDefault(role, Set.of()).contains(relation));
    if (permitted
        || (relation == Relation.OWN && action.grantable() && actor.grants().contains(action))) {
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
    switch (decided(actor, action, target, true)) {
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
    if (organisations.hasMember(own, target)) {
      return Relation.IN_NETWORK;
    }
    return Relation.NONE;
  }
}
