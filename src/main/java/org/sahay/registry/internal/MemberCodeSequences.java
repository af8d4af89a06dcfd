package org.sahay.registry.internal;

import org.sahay.organisations.OrganisationCreated;
import org.sahay.organisations.OrganisationKind;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts a collective's member codes when the collective is created, in the creating transaction,
 * so that its first registrations only ever lock the row and never race to make it.
 */
@Component
class MemberCodeSequences {

  private final MemberStore members;

  MemberCodeSequences(MemberStore members) {
    this.members = members;
  }

  @EventListener
  void on(OrganisationCreated created) {
    if (created.kind() == OrganisationKind.COLLECTIVE) {
      members.startSequence(created.organisation());
    }
  }
}
