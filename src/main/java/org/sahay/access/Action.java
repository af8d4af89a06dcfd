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
}
