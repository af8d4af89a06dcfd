package org.sahay.entitlements.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.sahay.access.Actor;
import org.sahay.entitlements.Entitlements;
import org.sahay.entitlements.Scheme;
import org.sahay.entitlements.SchemeId;
import org.sahay.entitlements.Schemes;
import org.sahay.entitlements.Standing;
import org.sahay.registry.MemberId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Schemes and where members stand with them, over JSON: {@code /api/v1/schemes} and {@code
 * /api/v1/members/{id}/entitlements}. Creating calls take an {@code Idempotency-Key}.
 */
@RestController
@RequestMapping("/api/v1")
class EntitlementApiController {

  private final Schemes schemes;
  private final Entitlements entitlements;
  private final Answers answers;

  EntitlementApiController(Schemes schemes, Entitlements entitlements, Answers answers) {
    this.schemes = schemes;
    this.entitlements = entitlements;
    this.answers = answers;
  }

  @GetMapping("/schemes")
  List<Scheme> schemes(Actor actor) {
    return schemes.list(actor);
  }

  @GetMapping("/schemes/{id}")
  Scheme scheme(Actor actor, @PathVariable SchemeId id) {
    return schemes.get(actor, id);
  }

  @PostMapping("/schemes")
  ResponseEntity<?> addScheme(
      Actor actor, @RequestBody Schemes.Input input, HttpServletRequest request) {
    return answers.of(
        schemes.create(actor, input), request, s -> "/api/v1/schemes/" + s.id(), "scheme.stale");
  }

  @PutMapping("/schemes/{id}")
  ResponseEntity<?> changeScheme(
      Actor actor,
      @PathVariable SchemeId id,
      @RequestBody Schemes.Input input,
      HttpServletRequest request) {
    return answers.of(schemes.update(actor, id, input), request, null, "scheme.stale");
  }

  @GetMapping("/members/{id}/entitlements")
  List<Standing> ofMember(Actor actor, @PathVariable MemberId id) {
    return entitlements.ofMember(actor, id);
  }

  @GetMapping("/members/{id}/entitlements/{scheme}")
  Standing ofMember(Actor actor, @PathVariable MemberId id, @PathVariable SchemeId scheme) {
    return entitlements.ofMember(actor, id, scheme);
  }

  @PostMapping("/members/{id}/entitlements")
  ResponseEntity<?> record(
      Actor actor,
      @PathVariable MemberId id,
      @RequestBody Entitlements.Change change,
      HttpServletRequest request) {
    return answers.of(entitlements.record(actor, id, change), request, null, "entitlement.stale");
  }
}
