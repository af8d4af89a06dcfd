/**
 * Who may do what: user accounts and roles, sign-in with throttling, sessions and API tokens, the
 * one access policy every request goes through, and the hash-chained audit log.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Access",
    allowedDependencies = {"platform"})
package org.sahay.access;
