package org.sahay.organisations;

/**
 * What a person typed to create an organisation, unchecked: {@link Organisations#create} checks it
 * and names each field that is wrong.
 */
public record NewOrganisation(
    String name,
    String kind,
    String state,
    String district,
    String shortCode,
    String defaultLanguage,
    String timeZone) {}
