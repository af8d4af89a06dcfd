/**
 * In-kind relief: items and kits, stock per location with receipts, transfers and adjustments
 * (never below zero, first-expiring first out), distribution rounds with an entitlement rule that
 * holds under concurrency, recipients who are members, households or people registered at the site,
 * corrections by reversal, distribution sheets and summaries (counts only, small counts suppressed,
 * for mentors and funders). Needs and cash relief join this module later.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Relief",
    allowedDependencies = {"access", "funds", "needs", "organisations", "platform", "registry"})
package org.sahay.relief;
