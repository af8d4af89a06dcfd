/**
 * Reports: the indicators every module publishes, gathered into one catalogue, and dashboards for a
 * collective, its mentors, its funders and its networks, filtered by period and district, with
 * small counts suppressed for everyone who sees aggregates only. Reads other modules only through
 * their published indicators.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Reporting",
    allowedDependencies = {"access", "funds", "organisations", "platform", "registry", "support"})
package org.sahay.reporting;
