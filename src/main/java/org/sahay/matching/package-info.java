/**
 * Record linkage: one person, one record. Keeps keyed hashes of each member's name words, phones
 * and village (never a readable copy), finds pairs that may be one person across scripts and
 * spellings by blocking and a Fellegi-Sunter model estimated from the data, and puts them before a
 * person, who merges them (undoably) or says they are two people (remembered). See
 * docs/matching.md.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Matching",
    allowedDependencies = {"access", "organisations", "platform", "registry"})
package org.sahay.matching;
