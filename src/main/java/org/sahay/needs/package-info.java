/**
 * The needs register: what a household or member of a collective needs (food, rent, electricity,
 * medical, mental health, documents, debt, livelihood, safety, education), how badly, who follows
 * it up and where that stands, with its history. The needs module owns their categories and
 * severities; filled forms hand it the needs their sahay_need columns raised ({@link
 * org.sahay.needs.Assessment}), and leaders record others by hand. Needs raised by screenings are
 * sensitive data.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Needs",
    allowedDependencies = {"access", "organisations", "platform", "registry"})
package org.sahay.needs;
