package org.sahay.platform.internal.backup;

import org.sahay.access.Actor;
import org.sahay.registry.MemberId;
import org.sahay.registry.MemberInput;
import org.sahay.registry.Members;

/**
 * Registers a synthetic member with a name, a phone and a village, for backup and leaving tests.
 */
final class SyntheticMembers {

  private SyntheticMembers() {}

  static MemberId register(Members members, Actor by, String name) {
    var input =
        new MemberInput(
            name,
            null,
            "FEMALE",
            null,
            1988,
            "9000000003",
            null,
            "Andhra Pradesh",
            "Guntur",
            null,
            "Village Seven",
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    return ((Members.Outcome.Saved) members.register(by, input)).member().id();
  }
}
