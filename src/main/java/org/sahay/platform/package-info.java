/**
 * Shared platform without domain knowledge: identifiers, money, languages, the page model handed to
 * templates, error handling, idempotency of creating API calls.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Platform",
    allowedDependencies = {})
package org.sahay.platform;
