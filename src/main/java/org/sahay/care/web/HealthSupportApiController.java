package org.sahay.care.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.sahay.access.Actor;
import org.sahay.care.HealthSupport;
import org.sahay.care.HealthSupports;
import org.sahay.platform.NotFoundException;
import org.sahay.registry.MemberId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Health support over JSON: {@code /api/v1/health-support}, for those who may read it. */
@RestController
@RequestMapping("/api/v1/health-support")
class HealthSupportApiController {

  private final HealthSupports supports;
  private final CareAnswers answers;

  HealthSupportApiController(HealthSupports supports, CareAnswers answers) {
    this.supports = supports;
    this.answers = answers;
  }

  @PostMapping
  ResponseEntity<?> record(
      Actor actor, @RequestBody HealthSupports.Input input, HttpServletRequest request) {
    return answers.of(
        supports.record(actor, input),
        request,
        (HealthSupport h) -> "/api/v1/health-support/" + h.id());
  }

  /** The collective's health support; or one member's. */
  @GetMapping
  List<?> list(Actor actor, @RequestParam(required = false) String member) {
    if (member == null) {
      return supports.open(actor);
    }
    try {
      return supports.ofMember(actor, MemberId.of(member));
    } catch (IllegalArgumentException e) {
      throw new NotFoundException();
    }
  }

  @GetMapping("/{id}")
  HealthSupport get(Actor actor, @PathVariable UUID id) {
    return supports.get(actor, id);
  }
}
