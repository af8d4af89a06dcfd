package org.sahay.organisations;

/** What an organisation is to the others. */
public enum OrganisationKind {
  COLLECTIVE,
  MENTOR,
  FUNDER,
  NETWORK
}
