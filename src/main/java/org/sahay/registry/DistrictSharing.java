package org.sahay.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.internal.MemberRow;
import org.sahay.registry.internal.MemberStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the registry hands over for a district administration's beneficiary list: only members whose
 * consent to share with a district administration holds now, with the fields such lists ask for
 * (never the confidential profile, never a full Aadhaar or account number: Sahay keeps only the
 * last four); those without that consent are named apart, for the collective to follow up.
 */
@Service
public class DistrictSharing {

  /** A member's fields as a district list may show them. */
  public record Shared(
      MemberId id,
      String code,
      String name,
      Gender gender,
      Integer birthYear,
      String phone,
      String village,
      String district,
      String aadhaarLastFour,
      String rationCard,
      boolean bankAccount) {}

  /** A member left out for lack of consent: for the collective's own follow-up. */
  public record LeftOut(MemberId id, String code, String name) {}

  /** The members asked for, split by consent, in the order asked. */
  public record Split(List<Shared> shared, List<LeftOut> leftOut) {}

  private final MemberStore members;
  private final AccessPolicy policy;

  DistrictSharing(MemberStore members, AccessPolicy policy) {
    this.members = members;
    this.policy = policy;
  }

  /** Code and name of those of {@code ids} in the actor's collective, for follow-up there. */
  @Transactional(readOnly = true)
  public List<LeftOut> named(Actor by, Collection<MemberId> ids) {
    OrganisationId own = by.organisation();
    if (own == null) {
      throw new NotFoundException();
    }
    policy.require(by, RegistryAction.MEMBER_READ, own);
    List<LeftOut> named = new ArrayList<>();
    for (MemberId id : ids) {
      members
          .find(id)
          .filter(r -> r.organisation().equals(own) && r.status() != MemberStatus.ERASED)
          .ifPresent(r -> named.add(new LeftOut(id, r.code(), r.name())));
    }
    return named;
  }

  /**
   * The members of the actor's collective among {@code ids}, split by whether their consent to
   * share with a district administration holds now; others' members and erased ones are left out
   * without a word.
   */
  @Transactional(readOnly = true)
  public Split forDistrict(Actor by, Collection<MemberId> ids) {
    OrganisationId own = by.organisation();
    if (own == null) {
      throw new NotFoundException();
    }
    policy.require(by, RegistryAction.MEMBER_READ, own);
    List<Shared> shared = new ArrayList<>();
    List<LeftOut> leftOut = new ArrayList<>();
    for (MemberId id : ids) {
      MemberRow row = members.find(id).orElse(null);
      if (row == null || !row.organisation().equals(own) || row.status() == MemberStatus.ERASED) {
        continue;
      }
      if (!Boolean.TRUE.equals(members.consents(id).get(ConsentPurpose.SHARE_WITH_DISTRICT))) {
        leftOut.add(new LeftOut(id, row.code(), row.name()));
        continue;
      }
      String aadhaar = null;
      String ration = null;
      boolean bank = false;
      for (Member.Document d : members.documents(own, id)) {
        if (d.status() != DocumentStatus.HAVE) {
          continue;
        }
        switch (d.type()) {
          case AADHAAR -> aadhaar = d.number();
          case RATION_CARD -> ration = d.detail() == null ? "" : d.detail();
          case BANK_ACCOUNT -> bank = true;
          default -> {}
        }
      }
      shared.add(
          new Shared(
              id,
              row.code(),
              row.name(),
              row.gender(),
              row.dateOfBirth() != null
                  ? Integer.valueOf(row.dateOfBirth().getYear())
                  : row.birthYear(),
              row.phone(),
              row.village(),
              row.district(),
              aadhaar,
              ration,
              bank));
    }
    return new Split(shared, leftOut);
  }
}
