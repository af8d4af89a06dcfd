package org.sahay.care;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sahay.access.Actor;
import org.sahay.registry.MemberId;
import org.sahay.registry.MemberSummary;
import org.sahay.registry.Members;
import org.springframework.stereotype.Component;

/** Members of the actor's collective as care records name them: by id or by code. */
@Component
class CareMembers {

  private final Members members;

  CareMembers(Members members) {
    this.members = members;
  }

  /**
   * A member of the actor's collective by id or code, else none. Asked without exceptions: a
   * transactional call that throws marks the caller's transaction for rollback even when caught.
   */
  Optional<MemberId> find(Actor by, String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String wanted = text.strip();
    if (wanted.length() == 36 && wanted.charAt(8) == '-') {
      try {
        return members.summary(by, MemberId.of(wanted)).map(MemberSummary::id);
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    return members.byCode(by, wanted);
  }

  /** Code, name and district of a member of the actor's collective, if she is one. */
  Optional<MemberSummary> summary(Actor by, MemberId member) {
    return members.summary(by, member);
  }

  /** Members of the actor's collective by their codes; an unknown code is an error. */
  List<MemberId> codes(Actor by, List<String> texts, Map<String, String> errors) {
    List<MemberId> found = new ArrayList<>();
    for (String text : texts == null ? List.<String>of() : texts) {
      for (String code : text.strip().split("[\\s,;]+")) {
        if (!code.isEmpty()) {
          find(by, code)
              .ifPresentOrElse(
                  m -> {
                    if (!found.contains(m)) {
                      found.add(m);
                    }
                  },
                  () -> errors.put("attendance", "counselling.attendance.unknown"));
        }
      }
    }
    return found;
  }
}
