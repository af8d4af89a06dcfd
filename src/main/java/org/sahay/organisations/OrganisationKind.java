package org.sahay.organisations;

/** What an organisation is to the others. */
public enum OrganisationKind {
  COLLECTIVE,
  MENTOR,
  FUNDER,
  NETWORK,
  /** A government office, such as a district administration, that receives beneficiary lists. */
  DISTRICT_OFFICE
}
