package org.sahay.relief.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.sahay.registry.Beneficiary;
import org.sahay.relief.Eligibility;
import org.sahay.relief.Round;
import org.springframework.stereotype.Component;

/**
 * Decides whether a recipient may receive in a round, one implementation per {@link Eligibility}.
 */
public interface EligibilityRule {

  /**
   * Who is about to receive: who they are as the round's list and claims see them (the member, her
   * household, or the non-member recipient) and whether they are a member or a member's household.
   */
  record Subject(List<Beneficiary> keys, boolean member) {}

  Eligibility kind();

  boolean admits(Round round, Subject subject);

  /** Members of the collective and their households; not people registered at the site. */
  @Component
  class AllMembers implements EligibilityRule {
    @Override
    public Eligibility kind() {
      return Eligibility.ALL_MEMBERS;
    }

    @Override
    public boolean admits(Round round, Subject subject) {
      return subject.member();
    }
  }

  /**
   * Households with a food need in the needs register that is open or being met, asked for the
   * member, her household, or both; people registered at the site have no needs recorded and are
   * not admitted.
   */
  @Component
  class OpenFoodNeed implements EligibilityRule {
    private final org.sahay.needs.NeedsMet needs;

    OpenFoodNeed(org.sahay.needs.NeedsMet needs) {
      this.needs = needs;
    }

    @Override
    public Eligibility kind() {
      return Eligibility.HOUSEHOLDS_WITH_OPEN_FOOD_NEED;
    }

    @Override
    public boolean admits(Round round, Subject subject) {
      return needs.anyOpen(round.organisation(), org.sahay.needs.NeedCategory.FOOD, subject.keys());
    }
  }

  /** Only those on the round's list: the member, her household or the recipient. */
  @Component
  class OnList implements EligibilityRule {
    private final RoundStore rounds;

    OnList(RoundStore rounds) {
      this.rounds = rounds;
    }

    @Override
    public Eligibility kind() {
      return Eligibility.LIST;
    }

    @Override
    public boolean admits(Round round, Subject subject) {
      return rounds.onList(round, subject.keys());
    }
  }

  /** Anybody who comes to the site. */
  @Component
  class AnyoneAtSite implements EligibilityRule {
    @Override
    public Eligibility kind() {
      return Eligibility.ANYONE_AT_SITE;
    }

    @Override
    public boolean admits(Round round, Subject subject) {
      return true;
    }
  }

  /** The rule for each kind of eligibility. */
  @Component
  class Rules {
    private final Map<Eligibility, EligibilityRule> byKind = new EnumMap<>(Eligibility.class);

    Rules(List<EligibilityRule> rules) {
      rules.forEach(rule -> byKind.put(rule.kind(), rule));
    }

    public boolean admits(Round round, Subject subject) {
      return byKind.get(round.eligibility()).admits(round, subject);
    }
  }
}
