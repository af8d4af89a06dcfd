package org.sahay.care.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.sahay.access.Actor;
import org.sahay.care.Incident;
import org.sahay.care.Incidents;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.sahay.registry.MemberId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Safety incidents over JSON: {@code /api/v1/incidents}, for users granted incidents only. */
@RestController
@RequestMapping("/api/v1/incidents")
class IncidentApiController {

  private final Incidents incidents;
  private final CareAnswers answers;

  IncidentApiController(Incidents incidents, CareAnswers answers) {
    this.incidents = incidents;
    this.answers = answers;
  }

  @PostMapping
  ResponseEntity<?> record(
      Actor actor, @RequestBody Incidents.IncidentInput input, HttpServletRequest request) {
    return answers.of(
        incidents.record(actor, input), request, (Incident i) -> "/api/v1/incidents/" + i.id());
  }

  /** The collective's open incidents; or one member's incidents. */
  @GetMapping
  List<?> list(Actor actor, @RequestParam(required = false) String member) {
    if (member == null) {
      return incidents.open(actor);
    }
    try {
      return incidents.ofMember(actor, MemberId.of(member));
    } catch (IllegalArgumentException e) {
      throw new NotFoundException();
    }
  }

  /** Incidents by kind as counts, small ones suppressed for everyone. */
  @GetMapping("/counts")
  Incidents.Counts counts(
      Actor actor, @RequestParam(required = false) OrganisationId organisation) {
    OrganisationId collective = organisation == null ? actor.organisation() : organisation;
    if (collective == null) {
      throw new NotFoundException();
    }
    return incidents.counts(actor, collective);
  }

  @GetMapping("/{id}")
  Incident get(Actor actor, @PathVariable UUID id) {
    return incidents.get(actor, id);
  }

  @PostMapping("/{id}/follow-ups")
  ResponseEntity<?> followUp(
      Actor actor,
      @PathVariable UUID id,
      @RequestBody Incidents.FollowUpInput input,
      HttpServletRequest request) {
    return answers.of(incidents.followUp(actor, id, input), request, null);
  }
}
