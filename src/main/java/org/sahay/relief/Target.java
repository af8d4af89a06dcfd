package org.sahay.relief;

import java.util.ArrayList;
import java.util.List;
import org.sahay.registry.Beneficiary;
import org.sahay.registry.HouseholdId;
import org.sahay.registry.MemberId;
import org.sahay.relief.internal.EligibilityRule;

/**
 * Who receives, as the round's rule and eligibility see them; {@code reached}: the members whose
 * household the hand-over reaches (all members of the household, or the member alone); {@code
 * district}: the household's district, else the member's, kept on the hand-over for reports.
 */
record Target(
    MemberId member,
    HouseholdId household,
    RecipientId recipient,
    Beneficiary householdKey,
    Beneficiary personKey,
    int people,
    boolean isMember,
    List<MemberId> reached,
    String district) {

  /** The members reached and their household: whose food needs the hand-over meets. */
  List<Beneficiary> reachedBeneficiaries() {
    List<Beneficiary> all = new ArrayList<>();
    reached.forEach(m -> all.add(Beneficiary.member(m)));
    if (household != null) {
      all.add(Beneficiary.household(household));
    }
    return all;
  }

  EligibilityRule.Subject subject() {
    List<Beneficiary> keys = new ArrayList<>();
    keys.add(personKey);
    if (!householdKey.equals(personKey)) {
      keys.add(householdKey);
    }
    if (member != null && household != null) {
      keys.add(Beneficiary.member(member));
    }
    return new EligibilityRule.Subject(List.copyOf(new java.util.LinkedHashSet<>(keys)), isMember);
  }

  /** The key the round's rule claims once: the household, the person, or none. */
  Beneficiary claimKey(Round round) {
    switch (round.rule()) {
      case ONCE_PER_HOUSEHOLD:
        return householdKey;
      case ONCE_PER_PERSON:
        return personKey;
      default:
        return null;
    }
  }

  /** Someone who is not a member: only her, once. */
  static Target nonMember(RecipientId id) {
    Beneficiary key = new Beneficiary.NonMember(id.value());
    return new Target(null, null, id, key, key, 1, false, List.of(), null);
  }
}
