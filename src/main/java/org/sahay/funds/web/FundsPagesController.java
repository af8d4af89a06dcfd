package org.sahay.funds.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.funds.Campaign;
import org.sahay.funds.CampaignChannel;
import org.sahay.funds.CampaignId;
import org.sahay.funds.CampaignInput;
import org.sahay.funds.Campaigns;
import org.sahay.funds.DonationChannel;
import org.sahay.funds.DonationId;
import org.sahay.funds.DonationInput;
import org.sahay.funds.Donations;
import org.sahay.funds.FundsAction;
import org.sahay.funds.FundsOutcome;
import org.sahay.funds.FundsReports;
import org.sahay.funds.Grants;
import org.sahay.funds.JournalEntryId;
import org.sahay.funds.Ledger;
import org.sahay.funds.LedgerAccount;
import org.sahay.funds.Receipts;
import org.sahay.organisations.LinkKind;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.Organisations;
import org.sahay.organisations.Today;
import org.sahay.platform.FormState;
import org.sahay.platform.Language;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.sahay.platform.PdfDocument;
import org.sahay.platform.Ui;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The funds pages: campaigns, donations and their receipts, grants, reversals. Every read and write
 * goes through the services, which ask the access policy; another organisation's page is 404.
 */
@Controller
class FundsPagesController {

  private final Campaigns campaigns;
  private final Donations donations;
  private final Grants grants;
  private final Ledger ledger;
  private final Receipts receipts;
  private final FundsReports reports;
  private final Organisations organisations;
  private final AccessPolicy policy;
  private final org.springframework.context.MessageSource messages;
  private final Today today;

  FundsPagesController(
      Campaigns campaigns,
      Donations donations,
      Grants grants,
      Ledger ledger,
      Receipts receipts,
      FundsReports reports,
      Organisations organisations,
      AccessPolicy policy,
      org.springframework.context.MessageSource messages,
      Today today) {
    this.messages = messages;
    this.today = today;
    this.campaigns = campaigns;
    this.donations = donations;
    this.grants = grants;
    this.ledger = ledger;
    this.receipts = receipts;
    this.reports = reports;
    this.organisations = organisations;
    this.policy = policy;
  }

  /** Today where the actor's organisation is, as a form's default date. */
  String today(Actor actor) {
    return today.at(actor.organisation()).toString();
  }

  @GetMapping("/funds")
  String home(
      Actor actor, @RequestParam(required = false) OrganisationId organisation, Model model) {
    OrganisationId target = organisation != null ? organisation : actor.organisation();
    if (target == null) {
      throw new NotFoundException();
    }
    boolean canRead = policy.permits(actor, FundsAction.FUNDS_READ, target);
    boolean canGrants = policy.permits(actor, FundsAction.GRANT_READ, target);
    if (organisation != null && !canRead && !canGrants) {
      policy.require(actor, FundsAction.FUNDS_READ, target);
    }
    List<Organisation> linked = new ArrayList<>();
    if (organisation == null && actor.organisation() != null) {
      linked.addAll(organisations.linkedFrom(actor.organisation(), LinkKind.MENTOR_OF));
      linked.addAll(organisations.linkedFrom(actor.organisation(), LinkKind.FUNDER_OF));
    }
    model.addAttribute("organisation", organisations.find(target).orElseThrow());
    model.addAttribute("query", organisation == null ? "" : "?organisation=" + organisation);
    model.addAttribute("canRead", canRead);
    model.addAttribute("canGrants", canGrants);
    model.addAttribute("canWrite", policy.permits(actor, FundsAction.FUNDS_WRITE, target));
    model.addAttribute("campaigns", canRead ? campaigns.all(actor, target) : List.<Campaign>of());
    model.addAttribute("registration80g", organisations.registration80g(target).orElse(""));
    model.addAttribute("linked", linked);
    return "funds/home";
  }

  @PostMapping("/funds/registration-80g")
  String registration80g(
      Actor actor, @RequestParam String registration, RedirectAttributes redirect) {
    boolean saved = organisations.setRegistration80g(actor, registration);
    redirect.addFlashAttribute("notice", saved ? "funds.80g.saved" : "funds.80g.invalid");
    return "redirect:/funds";
  }

  @GetMapping("/funds/campaigns/new")
  String newCampaign(Actor actor, Model model) {
    policy.require(actor, FundsAction.FUNDS_WRITE, own(actor));
    return campaignForm(
        model,
        FormState.of(
            Map.of("startsOn", today(actor), "channel", "CROWDFUNDING_PLATFORM"), Map.of()));
  }

  /**
   * The campaign page's fields: partners one per line, and "open to any use" rather than the API's
   * "restricted" (which the page's box turns round).
   */
  record CampaignForm(
      String name,
      String goal,
      String startsOn,
      String endsOn,
      String partners,
      String channel,
      String beneficiaryGroup,
      String slug,
      Boolean transparency,
      Boolean foreignContribution,
      Boolean unrestricted) {

    CampaignInput command() {
      return new CampaignInput(
          name,
          null,
          goal,
          startsOn,
          endsOn,
          lines(partners),
          channel,
          beneficiaryGroup,
          slug,
          Boolean.TRUE.equals(transparency),
          Boolean.TRUE.equals(foreignContribution),
          !Boolean.TRUE.equals(unrestricted));
    }
  }

  @PostMapping("/funds/campaigns")
  String createCampaign(
      Actor actor,
      CampaignForm form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    var outcome = campaigns.create(actor, form.command());
    if (outcome instanceof FundsOutcome.Done<Campaign> done) {
      redirect.addFlashAttribute("notice", "funds.campaign.created");
      return "redirect:/funds/campaigns/" + done.value().id();
    }
    return campaignForm(model, FormState.of(form, binding, errors(outcome)));
  }

  @GetMapping("/funds/campaigns/{id}")
  String campaign(Actor actor, @PathVariable CampaignId id, Model model) {
    Campaign campaign = campaigns.get(actor, id);
    OrganisationId organisation = organisationOf(actor, campaign);
    model.addAttribute("campaign", campaign);
    model.addAttribute("donations", donations.ofCampaign(actor, id));
    model.addAttribute("reversed", reports.reversed(actor, organisation));
    model.addAttribute("canDonors", policy.permits(actor, FundsAction.DONOR_READ, organisation));
    model.addAttribute(
        "canRecord", policy.permits(actor, FundsAction.DONATION_RECORD, organisation));
    model.addAttribute("canWrite", policy.permits(actor, FundsAction.FUNDS_WRITE, organisation));
    return "funds/campaign";
  }

  @GetMapping("/funds/campaigns/{id}/donations/new")
  String newDonation(Actor actor, @PathVariable CampaignId id, Model model) {
    Campaign campaign = campaigns.get(actor, id);
    policy.require(actor, FundsAction.DONATION_RECORD, organisationOf(actor, campaign));
    return donationForm(
        actor,
        model,
        campaign,
        FormState.of(Map.of("receivedOn", today(actor), "channel", "UPI"), Map.of()));
  }

  /**
   * A donation as the API takes it, bound from the page's fields; an amount in paise that is not a
   * number binds as none, and the service reads the rupees field.
   */
  @PostMapping("/funds/campaigns/{id}/donations")
  String recordDonation(
      Actor actor,
      @PathVariable CampaignId id,
      DonationInput form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    var outcome = donations.record(actor, id, form);
    if (outcome instanceof FundsOutcome.Done<org.sahay.funds.Donation> done) {
      redirect.addFlashAttribute("notice", "funds.donation.recorded");
      return "redirect:/funds/donations/" + done.value().id() + "/receipt";
    }
    return donationForm(
        actor, model, campaigns.get(actor, id), FormState.of(form, binding, errors(outcome)));
  }

  @GetMapping("/funds/donations/{id}/receipt")
  String receipt(Actor actor, @PathVariable DonationId id, Model model) {
    var receipt = receipts.receipt(actor, id);
    model.addAttribute("receipt", receipt);
    model.addAttribute("sides", sides(receipt.organisationLanguage()));
    return "funds/receipt";
  }

  /** The same receipt as a PDF to save or send; reading it is audited as reading the page is. */
  @GetMapping("/funds/donations/{id}/receipt.pdf")
  ResponseEntity<byte[]> receiptPdf(Actor actor, @PathVariable DonationId id) {
    var receipt = receipts.receipt(actor, id);
    return PdfDocument.download(
        ReceiptPdf.fileName(receipt),
        ReceiptPdf.of(receipt, sides(receipt.organisationLanguage())));
  }

  /** The organisation's language first, then English, as receipts in India are printed. */
  private List<PublicSide> sides(Language organisationLanguage) {
    List<PublicSide> sides = new ArrayList<>();
    if (organisationLanguage != Language.EN) {
      sides.add(new PublicSide(organisationLanguage, messages));
    }
    sides.add(new PublicSide(Language.EN, messages));
    return sides;
  }

  @GetMapping("/funds/grants")
  String grants(
      Actor actor, @RequestParam(required = false) OrganisationId organisation, Model model) {
    model.addAttribute("grants", grants.all(actor, organisation));
    return "funds/grants";
  }

  @GetMapping("/funds/entries/{id}/reverse")
  String reverseForm(Actor actor, @PathVariable JournalEntryId id, Model model) {
    var entry = ledger.entry(actor, id);
    model.addAttribute("entry", entry);
    model.addAttribute("form", FormState.empty());
    model.addAttribute("refusal", null);
    model.addAttribute("refusalArgs", new String[0]);
    return "funds/reverse";
  }

  @PostMapping("/funds/entries/{id}/reverse")
  String reverse(
      Actor actor,
      @PathVariable JournalEntryId id,
      @RequestParam(required = false) String reason,
      @ModelAttribute("ui") Ui ui,
      Model model,
      RedirectAttributes redirect) {
    var outcome = ledger.reverse(actor, id, reason);
    if (outcome instanceof FundsOutcome.Done<?>) {
      redirect.addFlashAttribute("notice", "funds.reversal.done");
      return "redirect:/funds";
    }
    model.addAttribute("entry", ledger.entry(actor, id));
    Map<String, String> values = new HashMap<>();
    values.put("reason", reason);
    model.addAttribute("form", FormState.of(values, errors(outcome)));
    model.addAttribute("refusal", null);
    model.addAttribute("refusalArgs", new String[0]);
    if (outcome instanceof FundsOutcome.Refused<?> refused) {
      model.addAttribute("refusal", "funds.refused." + refused.refusal().name());
      model.addAttribute(
          "refusalArgs",
          new String[] {money(refused.remaining(), ui), money(refused.needed(), ui)});
    }
    return "funds/reverse";
  }

  private String campaignForm(Model model, FormState form) {
    model.addAttribute("form", form);
    model.addAttribute("channels", CampaignChannel.values());
    return "funds/campaign-form";
  }

  private String donationForm(Actor actor, Model model, Campaign campaign, FormState form) {
    model.addAttribute("campaign", campaign);
    model.addAttribute("form", form);
    model.addAttribute("channels", DonationChannel.values());
    model.addAttribute("accounts", moneyAccounts(actor, organisationOf(actor, campaign)));
    return "funds/donation-form";
  }

  List<LedgerAccount> moneyAccounts(Actor actor, OrganisationId organisation) {
    return ledger.accounts(actor, organisation).stream()
        .filter(
            a ->
                a.kind() == org.sahay.funds.AccountKind.CASH
                    || a.kind() == org.sahay.funds.AccountKind.BANK)
        .toList();
  }

  /** The campaign's organisation: its fund's books are the one the campaign lives in. */
  private OrganisationId organisationOf(Actor actor, Campaign campaign) {
    return campaigns.organisationOf(actor, campaign.id());
  }

  private static OrganisationId own(Actor actor) {
    if (actor.organisation() == null) {
      throw new NotFoundException();
    }
    return actor.organisation();
  }

  private static String money(org.sahay.platform.Money amount, Ui ui) {
    return amount == null ? "" : ui.money(amount);
  }

  /** A text box's lines, stripped, blank ones left out: partners, purposes. */
  static List<String> lines(String text) {
    return text == null
        ? List.of()
        : Arrays.stream(text.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  static Map<String, String> errors(FundsOutcome<?> outcome) {
    if (outcome instanceof FundsOutcome.Invalid<?> invalid) {
      return invalid.errors();
    }
    if (outcome instanceof FundsOutcome.Refused<?> refused) {
      return Map.of("refusal", "funds.refused." + refused.refusal().name());
    }
    return Map.of();
  }
}
