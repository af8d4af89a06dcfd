package org.sahay.registry.web;

import java.util.List;
import org.sahay.registry.DocumentInput;
import org.sahay.registry.Member;
import org.sahay.registry.MemberInput;

/** Fills the fields a PATCH left out with the member's current values. */
final class MemberPatch {

  private MemberPatch() {}

  static MemberInput merge(Member current, MemberInput patch) {
    return new MemberInput(
        or(patch.name(), current.name()),
        or(patch.alias(), current.alias()),
        or(patch.gender(), current.gender().name()),
        or(
            patch.dateOfBirth(),
            current.dateOfBirth() == null ? null : current.dateOfBirth().toString()),
        patch.yearOfBirth() != null || patch.dateOfBirth() != null
            ? patch.yearOfBirth()
            : current.birthYear(),
        or(patch.phone(), current.phone()),
        or(patch.otherPhone(), current.otherPhone()),
        or(patch.state(), current.state()),
        or(patch.district(), current.district()),
        or(patch.block(), current.block()),
        or(patch.village(), current.village()),
        or(patch.joinedOn(), current.joinedOn() == null ? null : current.joinedOn().toString()),
        or(patch.status(), current.status().name()),
        patch.languages() != null ? patch.languages() : current.languages(),
        patch.hasSmartphone() != null ? patch.hasSmartphone() : current.hasSmartphone(),
        patch.sensitive() != null ? patch.sensitive() : current.sensitive(),
        patch.documents() != null ? patch.documents() : documents(current),
        patch.version());
  }

  private static List<DocumentInput> documents(Member current) {
    return current.documents().stream()
        .map(
            d ->
                new DocumentInput(
                    d.type().name(), d.status().name(), d.number(), d.detail(), d.janDhan()))
        .toList();
  }

  private static String or(String value, String fallback) {
    return value != null ? value : fallback;
  }
}
