package org.sahay.access;

import java.util.EnumSet;
import java.util.Set;
import org.sahay.access.AccessPolicy.Relation;

/** The relation sets the modules' access rules are written with. */
public final class Permit {

  /** A global action, about no one organisation: system admins only. */
  public static final Set<Relation> GLOBAL = EnumSet.of(Relation.GLOBAL);

  /** The actor's own organisation. */
  public static final Set<Relation> OWN = EnumSet.of(Relation.OWN);

  /** The collectives the actor's organisation mentors. */
  public static final Set<Relation> MENTORS = EnumSet.of(Relation.MENTORS);

  /** The organisations the actor's organisation funds. */
  public static final Set<Relation> FUNDS = EnumSet.of(Relation.FUNDS);

  /** The collectives that are members of the actor's network. */
  public static final Set<Relation> IN_NETWORK = EnumSet.of(Relation.IN_NETWORK);

  /** Any organisation, related or not. */
  public static final Set<Relation> ANY_ORGANISATION =
      EnumSet.of(
          Relation.OWN, Relation.MENTORS, Relation.FUNDS, Relation.IN_NETWORK, Relation.NONE);

  /** Everywhere, global actions included. */
  public static final Set<Relation> ANY = EnumSet.allOf(Relation.class);

  private Permit() {}

  /** Several relations at once, for example own and mentored. */
  public static Set<Relation> of(Relation first, Relation... more) {
    return EnumSet.of(first, more);
  }
}
