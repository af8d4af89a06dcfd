/**
 * The needs register: what a household or member of a collective needs (food, rent, electricity,
 * medical, mental health, documents, debt, livelihood, safety, education), how badly, who follows
 * it up and where that stands, with its history. Needs come from filled forms (their sahay_need
 * columns) or are recorded by hand; needs raised by screenings are sensitive data.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Needs",
    allowedDependencies = {"access", "forms", "organisations", "platform", "registry"})
package org.sahay.needs;
