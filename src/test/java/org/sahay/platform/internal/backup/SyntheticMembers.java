package org.sahay.platform.internal.backup;

import org.sahay.access.Actor;
import org.sahay.registry.MemberId;
import org.sahay.registry.MemberInputs;
import org.sahay.registry.Members;

/**
 * Registers a synthetic member with a name, a phone and a village, for backup and leaving tests.
 */
final class SyntheticMembers {

  private SyntheticMembers() {}

  static MemberId register(Members members, Actor by, String name) {
    var input =
        MemberInputs.member(name)
            .yearOfBirth(1988)
            .phone("9000000003")
            .state("Andhra Pradesh")
            .district("Guntur")
            .village("Village Seven")
            .build();
    return ((Members.Outcome.Saved) members.register(by, input)).member().id();
  }
}
