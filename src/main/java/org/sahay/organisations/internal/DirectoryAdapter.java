package org.sahay.organisations.internal;

import java.time.ZoneId;
import java.util.Optional;
import org.sahay.access.OrganisationDirectory;
import org.sahay.organisations.LinkKind;
import org.sahay.organisations.Organisation;
import org.sahay.platform.OrganisationId;
import org.springframework.stereotype.Component;

/** Tells the access policy what it needs to know about organisations and their links. */
@Component
class DirectoryAdapter implements OrganisationDirectory {

  private final OrganisationStore store;

  DirectoryAdapter(OrganisationStore store) {
    this.store = store;
  }

  @Override
  public Optional<String> kindOf(OrganisationId organisation) {
    return store.find(organisation).map(o -> o.kind().name());
  }

  @Override
  public Optional<String> nameOf(OrganisationId organisation) {
    return store.find(organisation).map(Organisation::name);
  }

  @Override
  public Optional<ZoneId> zoneOf(OrganisationId organisation) {
    return store.find(organisation).map(Organisation::timeZone);
  }

  @Override
  public boolean mentors(OrganisationId mentor, OrganisationId collective) {
    return store.linked(mentor, LinkKind.MENTOR_OF, collective);
  }

  @Override
  public boolean funds(OrganisationId funder, OrganisationId organisation) {
    return store.linked(funder, LinkKind.FUNDER_OF, organisation);
  }

  @Override
  public boolean hasMember(OrganisationId network, OrganisationId collective) {
    return store.linked(collective, LinkKind.MEMBER_OF, network);
  }
}
