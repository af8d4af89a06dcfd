package org.sahay.organisations.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.sahay.access.Actor;
import org.sahay.organisations.NewOrganisation;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.Organisations;
import org.sahay.platform.OrganisationId;
import org.sahay.platform.Problems;
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

  OrganisationApiController(Organisations organisations, Problems problems) {
    this.organisations = organisations;
    this.problems = problems;
  }

  @PostMapping
  ResponseEntity<?> create(
      Actor actor, @RequestBody NewOrganisation input, HttpServletRequest request) {
    var outcome = organisations.create(actor, input);
    if (outcome instanceof Organisations.Creation.Created created) {
      var view = OrganisationView.of(created.organisation());
      return ResponseEntity.created(URI.create("/api/v1/organisations/" + view.id())).body(view);
    }
    return problems.invalid(
        ((Organisations.Creation.Invalid) outcome).errors(),
        RequestContextUtils.getLocale(request));
  }

  @GetMapping("/{id}")
  OrganisationView get(Actor actor, @PathVariable OrganisationId id) {
    return OrganisationView.of(organisations.get(actor, id));
  }
}
