package org.sahay.entitlements.web;

import java.util.ArrayList;
import java.util.List;
import org.sahay.access.Actor;
import org.sahay.entitlements.Coverage;
import org.sahay.entitlements.CoverageView;
import org.sahay.organisations.LinkKind;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.Organisations;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Coverage as a page with a table (charts come with the reports) and over JSON: the own
 * collective's by default, or one the viewer's organisation mentors or funds.
 */
@Controller
class CoveragePagesController {

  private final Coverage coverage;
  private final Organisations organisations;

  CoveragePagesController(Coverage coverage, Organisations organisations) {
    this.coverage = coverage;
    this.organisations = organisations;
  }

  @GetMapping("/entitlements/coverage")
  String page(
      Actor actor,
      @RequestParam(name = "organisation", required = false) OrganisationId organisation,
      Model model) {
    List<Organisation> related = related(actor);
    OrganisationId shown = organisation != null ? organisation : defaultFor(actor, related);
    model.addAttribute("coverage", shown == null ? null : coverage.of(actor, shown));
    model.addAttribute("related", related);
    return "entitlements/coverage";
  }

  @GetMapping("/api/v1/coverage")
  @ResponseBody
  CoverageView api(
      Actor actor,
      @RequestParam(name = "organisation", required = false) OrganisationId organisation) {
    OrganisationId shown = organisation != null ? organisation : actor.organisation();
    if (shown == null) {
      throw new NotFoundException();
    }
    return coverage.of(actor, shown);
  }

  /** The collectives the viewer's organisation mentors or funds. */
  private List<Organisation> related(Actor actor) {
    if (actor.organisation() == null) {
      return List.of();
    }
    List<Organisation> related =
        new ArrayList<>(organisations.linkedFrom(actor.organisation(), LinkKind.MENTOR_OF));
    organisations.linkedFrom(actor.organisation(), LinkKind.FUNDER_OF).stream()
        .filter(o -> related.stream().noneMatch(r -> r.id().equals(o.id())))
        .forEach(related::add);
    return related;
  }

  private static OrganisationId defaultFor(Actor actor, List<Organisation> related) {
    if (related.isEmpty()) {
      return actor.organisation();
    }
    return related.get(0).id();
  }
}
