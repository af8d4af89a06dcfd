package org.sahay.needs.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import org.sahay.access.Actor;
import org.sahay.needs.Needs;
import org.sahay.platform.Problems;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A need assessed on a phone without a network, replayed with the need page's own fields and the
 * idempotency key it was given then: 201 with the need's id, or 422 with what to correct.
 */
@RestController
class NeedSyncController {

  private final Needs needs;
  private final Problems problems;

  NeedSyncController(Needs needs, Problems problems) {
    this.needs = needs;
    this.problems = problems;
  }

  @PostMapping(path = "/sync/v1/needs", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ResponseEntity<?> record(
      Actor actor, NeedPagesController.NeedForm form, HttpServletRequest request) {
    var outcome = needs.record(actor, form.command());
    if (outcome instanceof Needs.Outcome.Saved saved) {
      return ResponseEntity.created(URI.create("/needs/" + saved.need().id()))
          .body(Map.of("id", saved.need().id().toString()));
    }
    Map<String, String> errors =
        outcome instanceof Needs.Outcome.Invalid invalid ? invalid.errors() : Map.of();
    return problems.invalid(errors, RequestContextUtils.getLocale(request));
  }
}
