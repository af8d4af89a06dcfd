package org.sahay.access;

import java.util.Map;
import java.util.Set;

/**
 * Something the access policy is asked about. Each module declares its own actions (an enum
 * implementing this) with their rules, so that a new module adds actions without editing access;
 * {@link AccessPolicy} decides every one of them the same way, from these rules.
 */
public interface Action {

  /** The action's name, unique across modules (for example SUPPORT_DECIDE). */
  String name();

  /** For each role, the relations to the target's organisation in which the action is permitted. */
  Map<Role, Set<AccessPolicy.Relation>> rules();

  /**
   * Whether an organisation admin may grant the action to one user of the organisation beyond their
   * roles (confidential profiles, safety incidents): only in the user's own organisation.
   */
  default boolean grantable() {
    return false;
  }

  /** Whether any of {@code roles} already permits the action in the actor's own organisation. */
  default boolean ownFor(java.util.Collection<Role> roles) {
    return roles.stream()
        .anyMatch(r -> rules().getOrDefault(r, Set.of()).contains(AccessPolicy.Relation.OWN));
  }
}
