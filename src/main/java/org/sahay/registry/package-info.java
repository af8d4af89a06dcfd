/**
 * The member registry: members of collectives with pseudonymous codes, their identity documents and
 * consents, and a sensitive profile encrypted under each member's own key. Searchable across
 * scripts and spellings, only within the user's own collective.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Registry",
    allowedDependencies = {"access", "organisations", "platform"})
package org.sahay.registry;
