/**
 * Funds of an organisation: crowdfunding campaigns, donations with receipts numbered per Indian
 * financial year, grants from funders with their instalments, expenses tied to what they bought and
 * whom they reached, and the double-entry ledger they all post to, which always balances.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Funds",
    allowedDependencies = {"access", "organisations", "platform"})
package org.sahay.funds;
