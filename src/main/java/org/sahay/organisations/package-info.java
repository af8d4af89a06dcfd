/**
 * Collectives, mentoring organisations, funders and networks; who mentors and who funds whom; and
 * the first-run set-up that creates the first organisation.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Organisations",
    allowedDependencies = {"access", "platform"})
package org.sahay.organisations;
