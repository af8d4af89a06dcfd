package org.sahay.organisations.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sahay.access.Actor;
import org.sahay.organisations.LinkKind;
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

  /** Every organisation the actor may see: all for a system admin, else its own and linked ones. */
  @GetMapping
  List<OrganisationView> list(Actor actor) {
    return organisations.visibleTo(actor).stream().map(OrganisationView::of).toList();
  }

  /** A link: {@code from} mentors or funds {@code to}. */
  record LinkView(String from, String kind, String to) {}

  record NewLink(String kind, String to) {}

  /** The organisation's links, both ways, for those who may see the organisation. */
  @GetMapping("/{id}/links")
  List<LinkView> links(Actor actor, @PathVariable OrganisationId id) {
    organisations.get(actor, id);
    List<LinkView> links = new ArrayList<>();
    for (LinkKind kind : LinkKind.values()) {
      organisations
          .linkedFrom(id, kind)
          .forEach(o -> links.add(new LinkView(id.toString(), kind.name(), o.id().toString())));
      organisations
          .linkedTo(id, kind)
          .forEach(o -> links.add(new LinkView(o.id().toString(), kind.name(), id.toString())));
    }
    return links;
  }

  /**
   * Links this organisation to another (system admins, as on the organisation's page): 201 when
   * made, 200 when it existed, 400 when the kinds do not fit.
   */
  @PostMapping("/{id}/links")
  ResponseEntity<?> link(
      Actor actor,
      @PathVariable OrganisationId id,
      @RequestBody NewLink body,
      HttpServletRequest request) {
    var locale = RequestContextUtils.getLocale(request);
    LinkKind kind;
    OrganisationId to;
    try {
      kind = LinkKind.valueOf(String.valueOf(body.kind()));
    } catch (IllegalArgumentException e) {
      return problems.invalid(Map.of("kind", "organisation.link.WRONG_KINDS"), locale);
    }
    try {
      to = OrganisationId.of(String.valueOf(body.to()));
    } catch (IllegalArgumentException e) {
      return problems.invalid(Map.of("to", "organisation.link.target.unknown"), locale);
    }
    LinkView view = new LinkView(id.toString(), kind.name(), to.toString());
    return switch (organisations.link(actor, id, kind, to)) {
      case LINKED ->
          ResponseEntity.created(URI.create("/api/v1/organisations/" + id + "/links")).body(view);
      case ALREADY_LINKED -> ResponseEntity.ok(view);
      case WRONG_KINDS -> problems.invalid(Map.of("kind", "organisation.link.WRONG_KINDS"), locale);
    };
  }
}
