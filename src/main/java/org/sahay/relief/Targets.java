package org.sahay.relief;

import java.util.List;
import java.util.Optional;
import org.sahay.access.Actor;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.Beneficiary;
import org.sahay.registry.Household;
import org.sahay.registry.Households;
import org.sahay.registry.MemberId;
import org.sahay.registry.Members;
import org.sahay.relief.internal.RecipientStore;
import org.springframework.stereotype.Component;

/** Who a hand-over reaches, as the round's rule and eligibility see them. */
@Component
class Targets {

  private final Members members;
  private final Households households;
  private final RecipientStore recipientStore;

  Targets(Members members, Households households, RecipientStore recipientStore) {
    this.members = members;
    this.households = households;
    this.recipientStore = recipientStore;
  }

  /** Who a hand-over asked for reaches; empty for anyone not of the actor's collective. */
  Optional<Target> of(Actor by, OrganisationId collective, Distributions.DistributionInput input) {
    if (!collective.equals(by.organisation())) {
      return Optional.empty();
    }
    if (input.memberId() != null) {
      MemberId member = input.memberId();
      return members
          .districtOf(by, member)
          .map(d -> member(by, member, () -> d.isEmpty() ? null : d));
    }
    if (input.householdId() != null) {
      Optional<Household> found = households.find(by, input.householdId());
      if (found.isEmpty()) {
        return Optional.empty();
      }
      Household household = found.get();
      Beneficiary key = Beneficiary.household(household.id());
      return Optional.of(
          new Target(
              household.head(),
              household.id(),
              null,
              key,
              key,
              size(household),
              true,
              ids(household),
              household.district()));
    }
    return recipientStore.find(collective, input.recipientId()).map(r -> Target.nonMember(r.id()));
  }

  /** A member, with the household she belongs to, if any. */
  Target member(Actor by, MemberId member) {
    return member(by, member, () -> districtOf(by, member));
  }

  private Target member(Actor by, MemberId member, java.util.function.Supplier<String> district) {
    Optional<Household> household = households.ofMember(by, member);
    return household
        .map(
            h ->
                new Target(
                    member,
                    h.id(),
                    null,
                    Beneficiary.household(h.id()),
                    Beneficiary.member(member),
                    size(h),
                    true,
                    ids(h),
                    h.district() != null ? h.district() : district.get()))
        .orElseGet(
            () ->
                new Target(
                    member,
                    null,
                    null,
                    Beneficiary.member(member),
                    Beneficiary.member(member),
                    1,
                    true,
                    List.of(member),
                    district.get()));
  }

  private String districtOf(Actor by, MemberId member) {
    return members.districtOf(by, member).filter(d -> !d.isEmpty()).orElse(null);
  }

  private static List<MemberId> ids(Household household) {
    return household.members().stream().map(Household.Person::id).toList();
  }

  private static int size(Household household) {
    return Math.max(1, household.members().size() + household.dependents().size());
  }
}
