package org.sahay.relief.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.sahay.access.Actor;
import org.sahay.platform.Problems;
import org.sahay.relief.DistributionId;
import org.sahay.relief.Distributions;
import org.sahay.relief.RoundId;
import org.sahay.relief.SiteLookups;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * What a leader's phone calls, signed in, for a distribution site: the round's lookup to take
 * offline, and the replay of hand-overs it recorded without a network. A replay carries the page's
 * own fields and the idempotency key given when it was recorded, and is answered as the API
 * answers: 201, or a problem (409 already received, likely the same person) for the phone to show.
 */
@RestController
class SiteSyncController {

  private final SiteLookups lookups;
  private final Distributions distributions;
  private final DistributionApiController api;
  private final Problems problems;

  SiteSyncController(
      SiteLookups lookups,
      Distributions distributions,
      DistributionApiController api,
      Problems problems) {
    this.lookups = lookups;
    this.distributions = distributions;
    this.api = api;
    this.problems = problems;
  }

  @GetMapping("/sync/v1/rounds/{id}/lookup")
  ResponseEntity<SiteLookups.Lookup> lookup(Actor actor, @PathVariable RoundId id) {
    // Never kept by a cache on the way: the phone keeps it, encrypted, and nothing else.
    return ResponseEntity.ok().header("Cache-Control", "no-store").body(lookups.of(actor, id));
  }

  @PostMapping(
      path = "/sync/v1/rounds/{id}/handovers",
      consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ResponseEntity<?> give(
      Actor actor,
      @PathVariable RoundId id,
      ReliefPagesController.GiveForm form,
      BindingResult binding,
      HttpServletRequest request) {
    if (binding.hasErrors()) {
      return problems.invalid(
          Map.of("memberId", "relief.distribution.unknownRecipient"),
          RequestContextUtils.getLocale(request));
    }
    return api.answer(distributions.record(actor, id, form.command()), actor, request);
  }

  /** The earlier hand-over undone, when the person at the phone chose her own over it. */
  @PostMapping(
      path = "/sync/v1/distributions/{id}/reversal",
      consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ResponseEntity<?> reverse(
      Actor actor,
      @PathVariable DistributionId id,
      @RequestParam(defaultValue = "") String reason,
      HttpServletRequest request) {
    return api.reverse(actor, id, new DistributionApiController.ReversalRequest(reason), request);
  }
}
