package org.sahay.entitlements;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sahay.access.Actor;
import org.sahay.registry.DocumentType;
import org.sahay.registry.MemberDocuments;
import org.sahay.registry.MemberId;
import org.sahay.registry.Members;
import org.springframework.stereotype.Component;

/**
 * Members of the actor's collective picked for a drive or a district list: those without a document
 * (no bank account, no ration card) and those named by their codes, each once, in order.
 */
@Component
class MemberPicks {

  /** The most members picked at once. */
  static final int MAX = 2_000;

  private final MemberDocuments documents;
  private final Members members;

  MemberPicks(MemberDocuments documents, Members members) {
    this.documents = documents;
    this.members = members;
  }

  /** The members picked; a wrong document or code is put in {@code errors} by field. */
  Set<MemberId> pick(Actor by, String without, List<String> codes, Map<String, String> errors) {
    Set<MemberId> picked = new LinkedHashSet<>();
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
}
