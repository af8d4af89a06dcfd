package org.sahay.entitlements;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sahay.access.Actor;
import org.sahay.needs.NeedCategory;
import org.sahay.needs.Needs;
import org.sahay.registry.Beneficiary;
import org.sahay.registry.DocumentType;
import org.sahay.registry.Household;
import org.sahay.registry.Households;
import org.sahay.registry.MemberDocuments;
import org.sahay.registry.MemberId;
import org.sahay.registry.Members;
import org.springframework.stereotype.Component;

/**
 * Members of the actor's collective picked for a drive or a district list: those without a document
 * (no bank account, no ration card), those with a need of a kind open (food), and those named by
 * their codes, each once, in order. A household's need picks the household's head, or its first
 * member when the head is not a member: one name per household, as a ration list wants.
 */
@Component
class MemberPicks {

  /** The most members picked at once. */
  static final int MAX = 2_000;

  private final MemberDocuments documents;
  private final Members members;
  private final Needs needs;
  private final Households households;

  MemberPicks(MemberDocuments documents, Members members, Needs needs, Households households) {
    this.documents = documents;
    this.members = members;
    this.needs = needs;
    this.households = households;
  }

  /** The members picked; a wrong document, need or code is put in {@code errors} by field. */
  Set<MemberId> pick(
      Actor by, String without, String openNeed, List<String> codes, Map<String, String> errors) {
    Set<MemberId> picked = new LinkedHashSet<>();
    String need = openNeed == null ? "" : openNeed.strip();
    if (!need.isEmpty()) {
      try {
        NeedCategory category = NeedCategory.valueOf(need.toUpperCase(Locale.ROOT));
        if (!Drives.NEEDS_THAT_PICK.contains(category)) {
          throw new IllegalArgumentException(category.name());
        }
        for (Beneficiary whose : needs.openWith(by, category, MAX + 1)) {
          if (whose instanceof Beneficiary.Member m) {
            picked.add(m.id());
          } else if (whose instanceof Beneficiary.Household h) {
            standsFor(households.get(by, h.id())).ifPresent(picked::add);
          }
        }
      } catch (IllegalArgumentException e) {
        errors.put("openNeed", "drive.openNeed.invalid");
      }
    }
    String document = without == null ? "" : without.strip();
    if (!document.isEmpty()) {
      try {
        picked.addAll(
            documents.without(by, DocumentType.valueOf(document.toUpperCase(Locale.ROOT)), MAX));
      } catch (IllegalArgumentException e) {
        errors.put("without", "drive.without.invalid");
      }
    }
    for (String code : codes == null ? List.<String>of() : codes) {
      for (String one : code.strip().split("[\\s,;]+")) {
        if (one.isEmpty()) {
          continue;
        }
        var member = members.byCode(by, one);
        if (member.isEmpty()) {
          errors.put("codes", "drive.codes.unknown");
        } else {
          picked.add(member.get());
        }
      }
    }
    if (picked.size() > MAX) {
      errors.put("codes", "drive.pick.tooMany");
    }
    return picked;
  }

  /** Who stands for a household on a list: its head, else its first member, else nobody. */
  private static java.util.Optional<MemberId> standsFor(Household household) {
    return household.members().stream()
        .filter(Household.Person::head)
        .findFirst()
        .or(() -> household.members().stream().findFirst())
        .map(Household.Person::id);
  }
}
