/**
 * Care: what a collective does for its members' health, safety and livelihoods beyond relief.
 * Counselling (group sessions with attendance; individual sessions whose notes only their author
 * and those she shares them with can open; PHQ-9 and GAD-7 scores over time; urgent screenings
 * first). Vaccination (doses, who is due for the next one and since when, coverage), health support
 * (sensitive; given from relief stock in the same transaction), informal debts (loans, repayments,
 * which are exploitative) and safety incidents (the strictest records Sahay keeps: only users
 * granted the incident permission see them, every read is audited). Sensitive records are sealed
 * under the member's own key, so erasing her makes them unreadable.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Care",
    allowedDependencies = {
      "access",
      "forms",
      "funds",
      "organisations",
      "platform",
      "registry",
      "relief"
    })
package org.sahay.care;
