package org.sahay.funds.web;

import java.util.Map;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.funds.AccountKind;
import org.sahay.funds.BankAccountInput;
import org.sahay.funds.FundsAction;
import org.sahay.funds.FundsOutcome;
import org.sahay.funds.Grant;
import org.sahay.funds.GrantId;
import org.sahay.funds.GrantInput;
import org.sahay.funds.Grants;
import org.sahay.funds.InstalmentInput;
import org.sahay.funds.Ledger;
import org.sahay.funds.LedgerAccount;
import org.sahay.organisations.LinkKind;
import org.sahay.organisations.OrganisationKind;
import org.sahay.organisations.Organisations;
import org.sahay.platform.FormState;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages where an organisation's admin records a grant from one of its funders and the instalments
 * received of it into a bank account (each posted to the books as it is saved), adding the bank
 * account first if the books have none. The API did this before; admins had no page for it.
 */
@Controller
class GrantPagesController {

  private final Grants grants;
  private final Organisations organisations;
  private final FundsPagesController funds;
  private final Ledger ledger;
  private final AccessPolicy policy;

  GrantPagesController(
      Grants grants,
      Organisations organisations,
      FundsPagesController funds,
      Ledger ledger,
      AccessPolicy policy) {
    this.ledger = ledger;
    this.grants = grants;
    this.organisations = organisations;
    this.funds = funds;
    this.policy = policy;
  }

  @GetMapping("/funds/grants/new")
  String newGrant(Actor actor, Model model) {
    own(actor);
    return grantForm(actor, model, FormState.empty());
  }

  /** The grant page's fields: purposes one per line. */
  record GrantForm(
      String funderId,
      String title,
      String amount,
      String startsOn,
      String endsOn,
      String purposes,
      Boolean foreignContribution) {

    GrantInput command() {
      return new GrantInput(
          funderId,
          title,
          null,
          amount,
          startsOn,
          endsOn,
          FundsPagesController.lines(purposes),
          Boolean.TRUE.equals(foreignContribution));
    }
  }

  @PostMapping("/funds/grants")
  String createGrant(
      Actor actor,
      GrantForm form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    own(actor);
    var outcome = grants.create(actor, form.command());
    if (outcome instanceof FundsOutcome.Done<Grant>) {
      redirect.addFlashAttribute("notice", "funds.grant.saved");
      return "redirect:/funds/grants";
    }
    return grantForm(
        actor, model, FormState.of(form, binding, FundsPagesController.errors(outcome)));
  }

  @GetMapping("/funds/grants/{id}/instalments/new")
  String newInstalment(Actor actor, @PathVariable GrantId id, Model model) {
    Grant grant = writable(actor, id);
    return instalmentForm(
        actor, model, grant, FormState.of(Map.of("receivedOn", funds.today(actor)), Map.of()));
  }

  @PostMapping("/funds/grants/{id}/instalments")
  String receiveInstalment(
      Actor actor,
      @PathVariable GrantId id,
      InstalmentInput form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    Grant grant = writable(actor, id);
    var outcome = grants.receiveInstalment(actor, id, form);
    if (outcome instanceof FundsOutcome.Done<Grant>) {
      redirect.addFlashAttribute("notice", "funds.instalment.saved");
      return "redirect:/funds/grants";
    }
    return instalmentForm(
        actor, model, grant, FormState.of(form, binding, FundsPagesController.errors(outcome)));
  }

  /** Adds a bank account to the books, then goes back to the instalment form it was added from. */
  @PostMapping("/funds/accounts")
  String addBankAccount(
      Actor actor,
      BankAccountInput form,
      BindingResult binding,
      @RequestParam(name = "grant") GrantId id,
      Model model,
      RedirectAttributes redirect) {
    Grant grant = writable(actor, id);
    var outcome = ledger.addBankAccount(actor, form);
    if (outcome instanceof FundsOutcome.Done<LedgerAccount>) {
      redirect.addFlashAttribute("notice", "funds.account.added");
      return "redirect:/funds/grants/" + grant.id() + "/instalments/new";
    }
    model.addAttribute(
        "accountForm", FormState.of(form, binding, FundsPagesController.errors(outcome)));
    return instalmentForm(actor, model, grant, FormState.empty());
  }

  private String grantForm(Actor actor, Model model, FormState form) {
    model.addAttribute("form", form);
    model.addAttribute(
        "funders",
        organisations.linkedTo(own(actor), LinkKind.FUNDER_OF).stream()
            .filter(o -> o.kind() == OrganisationKind.FUNDER)
            .map(o -> Map.entry(o.id().toString(), o.name()))
            .toList());
    return "funds/grant-form";
  }

  private String instalmentForm(Actor actor, Model model, Grant grant, FormState form) {
    model.addAttribute("grant", grant);
    model.addAttribute("form", form);
    model.addAttribute(
        "accounts",
        funds.moneyAccounts(actor, grant.organisationId()).stream()
            .filter(a -> a.kind() == AccountKind.BANK)
            .toList());
    if (!model.containsAttribute("accountForm")) {
      model.addAttribute("accountForm", FormState.empty());
    }
    if (!model.containsAttribute("notice")) {
      model.addAttribute("notice", null);
    }
    return "funds/instalment-form";
  }

  /** A grant of the actor's own organisation that the actor may record in; else not found. */
  private Grant writable(Actor actor, GrantId id) {
    Grant grant = grants.get(actor, id);
    if (!grant.organisationId().equals(actor.organisation())) {
      throw new NotFoundException();
    }
    policy.require(actor, FundsAction.FUNDS_WRITE, grant.organisationId());
    return grant;
  }

  private OrganisationId own(Actor actor) {
    if (actor.organisation() == null) {
      throw new NotFoundException();
    }
    policy.require(actor, FundsAction.FUNDS_WRITE, actor.organisation());
    return actor.organisation();
  }
}
