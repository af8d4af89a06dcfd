/**
 * Entitlements and government liaison: the catalogue of government schemes (ration cards, bank
 * accounts, identity documents, pensions, health cover, vaccination) and where each member, or each
 * household for a scheme given per household, stands with each, with the history of every step and
 * what documents are still missing, read from the registry. Granting a scheme that gives a document
 * (a ration card, a bank account) records that document in the registry. Drives, coverage, district
 * beneficiary lists for the offices collectives work with, and the advocacy log (stakeholders,
 * their contact people, engagements and follow-ups, donations they helped raise).
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Entitlements",
    allowedDependencies = {
      "access",
      "funds",
      "needs",
      "organisations",
      "platform",
      "registry",
      "relief"
    })
package org.sahay.entitlements;
