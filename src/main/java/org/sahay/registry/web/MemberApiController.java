package org.sahay.registry.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.sahay.access.Actor;
import org.sahay.access.CheckedBeforeBody;
import org.sahay.platform.Problems;
import org.sahay.registry.ConsentPurpose;
import org.sahay.registry.ErasureReason;
import org.sahay.registry.Member;
import org.sahay.registry.MemberId;
import org.sahay.registry.MemberInput;
import org.sahay.registry.MemberSummary;
import org.sahay.registry.Members;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Members as JSON; changes need the version last read (a stale one gets 409). */
@RestController
@RequestMapping("/api/v1/members")
class MemberApiController {

  record ConsentChange(String purpose, Boolean granted) {}

  private final Members members;
  private final Problems problems;

  MemberApiController(Members members, Problems problems) {
    this.members = members;
    this.problems = problems;
  }

  @CheckedBeforeBody("MEMBER_WRITE")
  @PostMapping
  ResponseEntity<?> register(
      Actor actor, @RequestBody MemberInput input, HttpServletRequest request) {
    return answer(members.register(actor, input), request, true);
  }

  /** Members who may be the same person as the one described, before registering her. */
  @PostMapping("/likely-same")
  List<MemberSummary> likelySame(Actor actor, @RequestBody MemberInput input) {
    return members.likelySame(actor, input);
  }

  @GetMapping("/{id}")
  Member get(Actor actor, @PathVariable MemberId id) {
    return members.get(actor, id);
  }

  @GetMapping
  List<MemberSummary> search(
      Actor actor,
      @RequestParam(defaultValue = "") String q,
      @RequestParam(required = false) String village,
      @RequestParam(required = false) org.sahay.registry.MemberStatus status,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return members.search(actor, q, village, status, page, size);
  }

  @PutMapping("/{id}")
  ResponseEntity<?> replace(
      Actor actor,
      @PathVariable MemberId id,
      @RequestBody MemberInput input,
      HttpServletRequest request) {
    return answer(members.update(actor, id, input), request, false);
  }

  /** PATCH: the fields sent replace the stored ones; fields left out keep their values. */
  @PatchMapping("/{id}")
  ResponseEntity<?> patch(
      Actor actor,
      @PathVariable MemberId id,
      @RequestBody MemberInput input,
      HttpServletRequest request) {
    Member current = members.get(actor, id);
    return answer(members.update(actor, id, MemberPatch.merge(current, input)), request, false);
  }

  @PostMapping("/{id}/consents")
  ResponseEntity<?> consent(
      Actor actor,
      @PathVariable MemberId id,
      @RequestBody ConsentChange change,
      HttpServletRequest request) {
    ConsentPurpose purpose;
    try {
      purpose = ConsentPurpose.valueOf(String.valueOf(change.purpose()));
    } catch (IllegalArgumentException e) {
      return invalid(request, Map.of("purpose", "consent.purpose.invalid"));
    }
    if (change.granted() == null) {
      return invalid(request, Map.of("granted", "consent.granted.required"));
    }
    members.recordConsent(actor, id, purpose, change.granted());
    return ResponseEntity.ok(members.get(actor, id).consents());
  }

  @DeleteMapping("/{id}")
  ResponseEntity<?> erase(
      Actor actor,
      @PathVariable MemberId id,
      @RequestParam(required = false) String reason,
      HttpServletRequest request) {
    ErasureReason why;
    try {
      why = ErasureReason.valueOf(String.valueOf(reason));
    } catch (IllegalArgumentException e) {
      return invalid(request, Map.of("reason", "member.erase.reason"));
    }
    members.erase(actor, id, why);
    return ResponseEntity.noContent().build();
  }

  private ResponseEntity<?> answer(
      Members.Outcome outcome, HttpServletRequest request, boolean created) {
    if (outcome instanceof Members.Outcome.Saved saved) {
      Member member = saved.member();
      return created
          ? ResponseEntity.created(URI.create("/api/v1/members/" + member.id())).body(member)
          : ResponseEntity.ok(member);
    }
    if (outcome instanceof Members.Outcome.Stale stale) {
      var problem =
          problems.of(HttpStatus.CONFLICT, "member.stale", RequestContextUtils.getLocale(request));
      problem.setProperty("currentVersion", stale.currentVersion());
      return ResponseEntity.status(HttpStatus.CONFLICT)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem);
    }
    return invalid(request, ((Members.Outcome.Invalid) outcome).errors());
  }

  private ResponseEntity<?> invalid(HttpServletRequest request, Map<String, String> errors) {
    return problems.invalid(errors, RequestContextUtils.getLocale(request));
  }
}
