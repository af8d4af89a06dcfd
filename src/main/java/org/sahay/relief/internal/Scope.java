package org.sahay.relief.internal;

import org.sahay.access.AccessPolicy;
import org.sahay.access.Action;
import org.sahay.access.Actor;
import org.sahay.organisations.OrganisationKind;
import org.sahay.organisations.Organisations;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** The collective an actor works on: their own, checked by the access policy. */
@Component
public class Scope {

  private final AccessPolicy policy;
  private final Organisations organisations;

  Scope(AccessPolicy policy, Organisations organisations) {
    this.policy = policy;
    this.organisations = organisations;
  }

  /** The actor's own collective, when the policy permits the action there. */
  public OrganisationId own(Actor by, Action action) {
    if (by.organisation() == null) {
      throw new NotFoundException();
    }
    policy.require(by, action, by.organisation());
    var organisation = organisations.find(by.organisation()).orElseThrow(NotFoundException::new);
    if (organisation.kind() != OrganisationKind.COLLECTIVE) {
      throw new AccessDeniedException("relief belongs to collectives");
    }
    return organisation.id();
  }

  public boolean permits(Actor by, Action action, OrganisationId target) {
    return policy.permits(by, action, target);
  }

  public void require(Actor by, Action action, OrganisationId target) {
    policy.require(by, action, target);
  }
}
