package org.sahay.care.web;

import org.sahay.access.Actor;
import org.sahay.care.CareOverview;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Care of a collective in counts: {@code /api/v1/care/counts}, for its mentors and funders too. */
@RestController
class CareCountsApiController {

  private final CareOverview overview;

  CareCountsApiController(CareOverview overview) {
    this.overview = overview;
  }

  @GetMapping("/api/v1/care/counts")
  CareOverview.Counts counts(
      Actor actor, @RequestParam(required = false) OrganisationId organisation) {
    OrganisationId collective = organisation == null ? actor.organisation() : organisation;
    if (collective == null) {
      throw new NotFoundException();
    }
    return overview.counts(actor, collective);
  }
}
