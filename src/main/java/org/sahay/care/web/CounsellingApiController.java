package org.sahay.care.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.sahay.access.Actor;
import org.sahay.care.Counselling;
import org.sahay.forms.Submissions;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.Problems;
import org.sahay.registry.MemberId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Counselling over JSON under {@code /api/v1/counselling-sessions}: individual sessions (and a
 * member's, with notes where the reader may open them), group sessions, the counsellor's waiting
 * list, a member's scores, and sharing her notes.
 */
@RestController
@RequestMapping("/api/v1/counselling-sessions")
class CounsellingApiController {

  /** A share as sent. */
  record ShareInput(String member, String username, Boolean shared) {}

  private final Counselling counselling;
  private final CareAnswers answers;
  private final Problems problems;

  CounsellingApiController(Counselling counselling, CareAnswers answers, Problems problems) {
    this.counselling = counselling;
    this.answers = answers;
    this.problems = problems;
  }

  @PostMapping
  ResponseEntity<?> record(
      Actor actor, @RequestBody Counselling.SessionInput input, HttpServletRequest request) {
    return answers.of(
        counselling.recordSession(actor, input),
        request,
        (Counselling.Session s) -> "/api/v1/counselling-sessions?member=" + s.member());
  }

  @GetMapping
  List<Counselling.Session> sessions(Actor actor, @RequestParam String member) {
    return counselling.sessions(actor, member(member));
  }

  @PostMapping("/group")
  ResponseEntity<?> group(
      Actor actor, @RequestBody Counselling.GroupInput input, HttpServletRequest request) {
    return answers.of(
        counselling.recordGroup(actor, input),
        request,
        (Counselling.Group g) -> "/api/v1/counselling-sessions/group");
  }

  @GetMapping("/group")
  List<Counselling.Group> groups(Actor actor) {
    return counselling.groups(actor);
  }

  /** Urgent screenings without contact since, then follow-ups due. */
  @GetMapping("/waiting")
  List<Counselling.Waiting> waiting(Actor actor) {
    return counselling.waiting(actor);
  }

  @GetMapping("/scores")
  List<Submissions.Score> scores(Actor actor, @RequestParam String member) {
    return counselling.scores(actor, member(member));
  }

  @PostMapping("/shares")
  ResponseEntity<?> share(Actor actor, @RequestBody ShareInput input, HttpServletRequest request) {
    if (!counselling.share(
        actor, member(input.member()), input.username(), !Boolean.FALSE.equals(input.shared()))) {
      return problems.invalid(
          Map.of("username", "counselling.share.unknown"), RequestContextUtils.getLocale(request));
    }
    return ResponseEntity.noContent().build();
  }

  private static MemberId member(String text) {
    try {
      return MemberId.of(String.valueOf(text).strip());
    } catch (IllegalArgumentException e) {
      throw new NotFoundException();
    }
  }
}
