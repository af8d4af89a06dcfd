package org.sahay.relief.web;

import java.time.ZoneId;
import java.util.Map;
import org.sahay.access.Actor;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.Organisations;
import org.sahay.platform.FormState;
import org.sahay.platform.IndianFormats;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.sahay.platform.PdfDocument;
import org.sahay.platform.Ui;
import org.sahay.registry.MemberId;
import org.sahay.relief.DistributionId;
import org.sahay.relief.DistributionRounds;
import org.sahay.relief.Distributions;
import org.sahay.relief.Item;
import org.sahay.relief.ItemId;
import org.sahay.relief.RecipientId;
import org.sahay.relief.Recipients;
import org.sahay.relief.ReliefCatalogue;
import org.sahay.relief.Round;
import org.sahay.relief.RoundId;
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
 * Pages for leaders at a distribution site, small enough for a 320-px phone on a slow network: the
 * rounds, recording a hand-over with search, the round summary and its printable sheet; and the
 * counts-only view of a collective's rounds for its mentors and funders.
 */
@Controller
class ReliefPagesController {

  private final DistributionRounds rounds;
  private final Distributions distributions;
  private final ReliefCatalogue catalogue;
  private final Organisations organisations;
  private final org.sahay.organisations.Today today;
  private final Sheets sheets;

  ReliefPagesController(
      DistributionRounds rounds,
      Distributions distributions,
      ReliefCatalogue catalogue,
      org.sahay.organisations.Today today,
      Organisations organisations,
      Sheets sheets) {
    this.rounds = rounds;
    this.distributions = distributions;
    this.catalogue = catalogue;
    this.organisations = organisations;
    this.today = today;
    this.sheets = sheets;
  }

  @GetMapping("/relief")
  String list(
      Actor actor, @RequestParam(required = false) OrganisationId organisation, Model model) {
    if (organisation != null && !organisation.equals(actor.organisation())) {
      Organisation collective =
          organisations.find(organisation).orElseThrow(NotFoundException::new);
      model.addAttribute("collective", collective);
      model.addAttribute("counts", rounds.countsOf(actor, organisation));
      return "relief/counts";
    }
    model.addAttribute("rounds", rounds.list(actor));
    return "relief/rounds";
  }

  @GetMapping("/relief/rounds/{id}")
  String record(Actor actor, @PathVariable RoundId id, Model model) {
    return record(actor, id, "", model);
  }

  /** Finding who comes for a hand-over, posted: names stay out of addresses, history and logs. */
  @PostMapping("/relief/rounds/{id}/search")
  String search(
      Actor actor,
      @PathVariable RoundId id,
      @RequestParam(defaultValue = "") String q,
      Model model) {
    return record(actor, id, q, model);
  }

  private String record(Actor actor, RoundId id, String q, Model model) {
    Round round = rounds.get(actor, id);
    model.addAttribute("round", round);
    model.addAttribute("q", q);
    model.addAttribute("found", distributions.find(actor, id, q));
    model.addAttribute("zone", zone(round.organisation()));
    model.addAttribute("items", itemNames(actor));
    addFlash(model);
    return "relief/record";
  }

  @PostMapping("/relief/rounds/{id}/distributions")
  String give(
      Actor actor,
      @PathVariable RoundId id,
      GiveForm form,
      BindingResult binding,
      @ModelAttribute("ui") Ui ui,
      Model model,
      RedirectAttributes redirect) {
    if (binding.hasErrors()) {
      // An id that is not one came from no page of ours.
      throw new NotFoundException();
    }
    Round round = rounds.get(actor, id);
    var outcome = distributions.record(actor, id, form.command());
    if (outcome instanceof Distributions.Outcome.Recorded) {
      redirect.addFlashAttribute("notice", "relief.page.recorded");
    } else if (outcome instanceof Distributions.Outcome.AlreadyReceived already) {
      redirect.addFlashAttribute("problem", "relief.distribution.already");
      redirect.addFlashAttribute(
          "problemArgs",
          new String[] {
            IndianFormats.dateTime(
                already.earlier().recordedAt(), zone(round.organisation()), ui.language()),
            already.earlier().recordedBy()
          });
    } else if (outcome instanceof Distributions.Outcome.OutOfStock out) {
      redirect.addFlashAttribute("problem", "relief.distribution.outOfStock");
      redirect.addFlashAttribute(
          "problemArgs", new String[] {out.left().toPlainString(), out.needed().toPlainString()});
    } else if (outcome instanceof Distributions.Outcome.NotEligible) {
      redirect.addFlashAttribute("problem", "relief.distribution.notEligible");
    } else if (outcome instanceof Distributions.Outcome.LikelySame same) {
      // Answered here, not through a redirect: what was typed (a name, a phone, a village) stays
      // in this answer and never rests in the session store, as a flash attribute would.
      model.addAttribute("problem", "relief.recipient.likelySame");
      if (!same.members().isEmpty()) {
        model.addAttribute("problem", "relief.recipient.likelyMember");
        model.addAttribute(
            "problemArgs",
            new String[] {
              String.join(
                  ", ",
                  same.members().stream().map(org.sahay.registry.MemberSummary::code).toList())
            });
      }
      model.addAttribute("newRecipient", FormState.of(form, Map.of()));
      model.addAttribute(
          "likelySame", same.candidates().stream().map(r -> r.id().toString()).toList());
      return record(actor, id, "", model);
    } else {
      var invalid = (Distributions.Outcome.Invalid) outcome;
      redirect.addFlashAttribute("problem", invalid.errors().values().iterator().next());
    }
    // Back to the round without the name searched for: the next person is someone else.
    return "redirect:/relief/rounds/" + id;
  }

  /**
   * The hand-over page's fields: a member or a known recipient picked from the search, or a new
   * recipient typed in (with "not the same person" once the page has shown likely matches).
   */
  record GiveForm(
      MemberId memberId,
      RecipientId recipientId,
      String name,
      String phone,
      String group,
      String village,
      Boolean notDuplicate) {

    Distributions.DistributionInput command() {
      if (memberId != null) {
        return new Distributions.DistributionInput(memberId, null, null, null);
      }
      if (recipientId != null) {
        return new Distributions.DistributionInput(null, null, recipientId, null);
      }
      return new Distributions.DistributionInput(
          null,
          null,
          null,
          new Recipients.RecipientInput(
              name, phone, group, village, Boolean.TRUE.equals(notDuplicate)));
    }
  }

  @PostMapping("/relief/distributions/{id}/reversal")
  String reverse(
      Actor actor,
      @PathVariable DistributionId id,
      @RequestParam String round,
      @RequestParam(defaultValue = "") String reason,
      RedirectAttributes redirect) {
    var outcome = distributions.reverse(actor, id, reason);
    redirect.addFlashAttribute(
        outcome instanceof Distributions.Reversal.Reversed ? "notice" : "problem",
        outcome instanceof Distributions.Reversal.Reversed
            ? "relief.page.reversed"
            : outcome instanceof Distributions.Reversal.AlreadyReversed
                ? "relief.reversal.already"
                : "relief.reversal.reason.invalid");
    return "redirect:/relief/rounds/" + RoundId.of(round) + "/sheet";
  }

  @GetMapping("/relief/rounds/{id}/summary")
  String summary(Actor actor, @PathVariable RoundId id, Model model) {
    var counts = rounds.counts(actor, id);
    model.addAttribute("counts", counts);
    model.addAttribute("summary", rounds.seesInFull(actor, id) ? rounds.summary(actor, id) : null);
    return "relief/summary";
  }

  @GetMapping("/relief/rounds/{id}/sheet")
  String sheet(Actor actor, @PathVariable RoundId id, @ModelAttribute("ui") Ui ui, Model model) {
    Sheets.Sheet sheet = sheets.of(actor, id, ui);
    model.addAttribute("ui", sheet.ui());
    model.addAttribute("sheet", sheet);
    addFlash(model);
    return "relief/sheet";
  }

  /** The sheet as a PDF, for the same people as the page. */
  @GetMapping("/relief/rounds/{id}/sheet.pdf")
  ResponseEntity<byte[]> sheetPdf(
      Actor actor, @PathVariable RoundId id, @ModelAttribute("ui") Ui ui) {
    Sheets.Sheet sheet = sheets.of(actor, id, ui);
    return PdfDocument.download(SheetPdf.fileName(sheet), SheetPdf.of(sheet));
  }

  private Map<ItemId, Item> itemNames(Actor actor) {
    Map<ItemId, Item> items = new java.util.HashMap<>();
    catalogue.items(actor).forEach(i -> items.put(i.id(), i));
    return items;
  }

  private ZoneId zone(OrganisationId organisation) {
    return today.zone(organisation);
  }

  private static void addFlash(Model model) {
    absentAsNull(model, "notice", "problem", "problemArgs", "newRecipient", "likelySame");
  }

  /** Flash attributes a template declares, as null when the redirect did not bring them. */
  static void absentAsNull(Model model, String... names) {
    for (String name : names) {
      if (!model.containsAttribute(name)) {
        model.addAttribute(name, null);
      }
    }
  }
}
