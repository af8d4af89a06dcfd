package org.sahay.organisations.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sahay.access.Actor;
import org.sahay.organisations.NewOrganisation;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.Organisations;
import org.sahay.platform.OrganisationId;
import org.sahay.platform.Problems;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Organisations as JSON. */
@RestController
@RequestMapping("/api/v1/organisations")
class OrganisationApiController {

  record OrganisationView(
      String id,
      String name,
      String kind,
      String state,
      String district,
      String shortCode,
      String defaultLanguage,
      String timeZone) {

    static OrganisationView of(Organisation o) {
      return new OrganisationView(
          o.id().toString(),
          o.name(),
          o.kind().name(),
          o.state(),
          o.district(),
          o.shortCode().value(),
          o.defaultLanguage().code(),
          o.timeZone().getId());
    }
  }

  private final Organisations organisations;
  private final Problems problems;
  private final MessageSource messages;

  OrganisationApiController(
      Organisations organisations, Problems problems, MessageSource messages) {
    this.organisations = organisations;
    this.problems = problems;
    this.messages = messages;
  }

  @PostMapping
  ResponseEntity<?> create(
      Actor actor, @RequestBody NewOrganisation input, HttpServletRequest request) {
    var outcome = organisations.create(actor, input);
    if (outcome instanceof Organisations.Creation.Created created) {
      var view = OrganisationView.of(created.organisation());
      return ResponseEntity.created(URI.create("/api/v1/organisations/" + view.id())).body(view);
    }
    var locale = RequestContextUtils.getLocale(request);
    var problem = problems.of(HttpStatus.BAD_REQUEST, "problem.invalid", locale);
    Map<String, String> errors = new LinkedHashMap<>();
    ((Organisations.Creation.Invalid) outcome)
        .errors()
        .forEach((field, key) -> errors.put(field, messages.getMessage(key, null, key, locale)));
    problem.setProperty("errors", errors);
    return ResponseEntity.badRequest()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  @GetMapping("/{id}")
  OrganisationView get(Actor actor, @PathVariable OrganisationId id) {
    return OrganisationView.of(organisations.get(actor, id));
  }
}
