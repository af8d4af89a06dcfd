/**
 * Support requests and cash relief: a collective asks a funder or mentor for support with budget
 * lines for named households and members (shown to the funder as codes only), the funder decides
 * per line, approval opens a grant with its restricted fund in the ledger, and cash paid to people
 * against approved lines posts to the books in the same transaction, never more than approved and
 * never twice for one person and line unless the line allows instalments.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Support requests and cash relief",
    allowedDependencies = {
      "access",
      "funds",
      "needs",
      "organisations",
      "platform",
      "registry",
      "relief"
    })
package org.sahay.support;
