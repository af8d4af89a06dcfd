package org.sahay.registry.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.sahay.access.AccessAction;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.access.CheckedBeforeBody;
import org.sahay.platform.FormState;
import org.sahay.platform.Problems;
import org.sahay.registry.MemberInput;
import org.sahay.registry.MemberSummary;
import org.sahay.registry.Members;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A registration recorded on a phone without a network, replayed with the registration page's own
 * fields and the idempotency key it was given then. Answered as JSON: 201 with the new member's id
 * and code; 409 with the members she may be (for the person at the phone to decide, never the
 * server); 422 with the fields to correct.
 */
@RestController
class MemberSyncController {

  /** Who the new person may already be: enough to tell, nothing sensitive. */
  record Candidate(String id, String code, String name, String village, Integer birthYear) {}

  private final Members members;
  private final AccessPolicy policy;
  private final Problems problems;

  MemberSyncController(Members members, AccessPolicy policy, Problems problems) {
    this.members = members;
    this.policy = policy;
    this.problems = problems;
  }

  @CheckedBeforeBody("MEMBER_WRITE")
  @PostMapping(path = "/sync/v1/members", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ResponseEntity<?> register(
      Actor actor, MemberForm form, BindingResult binding, HttpServletRequest request) {
    var locale = RequestContextUtils.getLocale(request);
    Map<String, String> unreadable = FormState.unreadable(binding, MemberForm.KEYS);
    if (!unreadable.isEmpty()) {
      return problems.invalid(unreadable, locale);
    }
    boolean sensitive =
        actor.organisation() != null
            && policy.permits(actor, AccessAction.SENSITIVE_READ, actor.organisation());
    MemberInput input = form.command(sensitive);
    if (!Boolean.TRUE.equals(form.notDuplicate())) {
      List<MemberSummary> likely = members.likelySame(actor, input);
      if (!likely.isEmpty()) {
        var problem = problems.of(HttpStatus.CONFLICT, "member.likelySame", locale);
        problem.setProperty(
            "likelySame",
            likely.stream()
                .map(
                    m ->
                        new Candidate(
                            m.id().toString(), m.code(), m.name(), m.village(), m.birthYear()))
                .toList());
        return ResponseEntity.status(HttpStatus.CONFLICT)
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(problem);
      }
    }
    var outcome = members.register(actor, input);
    if (outcome instanceof Members.Outcome.Saved saved) {
      return ResponseEntity.created(URI.create("/members/" + saved.member().id()))
          .body(Map.of("id", saved.member().id().toString(), "code", saved.member().code()));
    }
    return problems.invalid(((Members.Outcome.Invalid) outcome).errors(), locale);
  }
}
