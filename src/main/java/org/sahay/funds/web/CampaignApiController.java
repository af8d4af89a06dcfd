package org.sahay.funds.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.sahay.access.Actor;
import org.sahay.funds.Campaign;
import org.sahay.funds.CampaignId;
import org.sahay.funds.CampaignInput;
import org.sahay.funds.Campaigns;
import org.sahay.funds.Donation;
import org.sahay.funds.DonationInput;
import org.sahay.funds.Donations;
import org.sahay.platform.OrganisationId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Campaigns and their donations as JSON; amounts in paise. */
@RestController
@RequestMapping("/api/v1/campaigns")
class CampaignApiController {

  private final Campaigns campaigns;
  private final Donations donations;
  private final FundsAnswers answers;

  CampaignApiController(Campaigns campaigns, Donations donations, FundsAnswers answers) {
    this.campaigns = campaigns;
    this.donations = donations;
    this.answers = answers;
  }

  @PostMapping
  ResponseEntity<?> create(
      Actor actor, @RequestBody CampaignInput input, HttpServletRequest request) {
    return answers.created(
        campaigns.create(actor, input), request, c -> "/api/v1/campaigns/" + c.id(), c -> c);
  }

  @GetMapping
  List<Campaign> all(Actor actor, @RequestParam(required = false) OrganisationId organisation) {
    return campaigns.all(actor, organisation);
  }

  @GetMapping("/{id}")
  Campaign get(Actor actor, @PathVariable CampaignId id) {
    return campaigns.get(actor, id);
  }

  @PostMapping("/{id}/donations")
  ResponseEntity<?> donate(
      Actor actor,
      @PathVariable CampaignId id,
      @RequestBody DonationInput input,
      HttpServletRequest request) {
    return answers.created(
        donations.record(actor, id, input),
        request,
        d -> "/api/v1/campaigns/" + id + "/donations/" + d.id(),
        d -> d);
  }

  @GetMapping("/{id}/donations")
  List<Donation> donations(Actor actor, @PathVariable CampaignId id) {
    return donations.ofCampaign(actor, id);
  }
}
