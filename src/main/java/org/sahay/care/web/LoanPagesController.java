package org.sahay.care.web;

import java.util.Map;
import java.util.UUID;
import org.sahay.access.Actor;
import org.sahay.care.CareOutcome;
import org.sahay.care.InterestPeriod;
import org.sahay.care.LenderKind;
import org.sahay.care.Loan;
import org.sahay.care.Loans;
import org.sahay.care.WayOut;
import org.sahay.platform.FormState;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Debts on pages, for those who may read them: the open loans (flagged first) and a form to record
 * one; a loan's page with its repayments, a form to add one, and the way out.
 */
@Controller
class LoanPagesController {

  private final Loans loans;

  LoanPagesController(Loans loans) {
    this.loans = loans;
  }

  @GetMapping("/care/loans")
  String list(Actor actor, Model model) {
    return list(actor, model, FormState.empty());
  }

  @PostMapping("/care/loans")
  String record(Actor actor, Loans.LoanInput form, Model model) {
    var outcome = loans.record(actor, form);
    if (outcome instanceof CareOutcome.Saved<Loan> saved) {
      return "redirect:/care/loans/" + saved.value().id();
    }
    return list(actor, model, FormState.of(form, ((CareOutcome.Invalid<Loan>) outcome).errors()));
  }

  @GetMapping("/care/loans/{id}")
  String page(Actor actor, @PathVariable UUID id, Model model) {
    return page(actor, id, model, FormState.empty());
  }

  @PostMapping("/care/loans/{id}/repayments")
  String repay(
      Actor actor,
      @PathVariable UUID id,
      Loans.RepaymentInput form,
      Model model,
      RedirectAttributes redirect) {
    var outcome = loans.repay(actor, id, form);
    if (outcome instanceof CareOutcome.Saved<Loan>) {
      redirect.addFlashAttribute("notice", "loan.changed");
      return "redirect:/care/loans/" + id;
    }
    return page(
        actor, id, model, FormState.of(form, ((CareOutcome.Invalid<Loan>) outcome).errors()));
  }

  @PostMapping("/care/loans/{id}")
  String change(
      Actor actor, @PathVariable UUID id, Loans.Change form, RedirectAttributes redirect) {
    var outcome = loans.change(actor, id, form);
    redirect.addFlashAttribute(
        "notice", outcome instanceof CareOutcome.Saved<Loan> ? "loan.changed" : "care.stale");
    return "redirect:/care/loans/" + id;
  }

  private String list(Actor actor, Model model, FormState form) {
    model.addAttribute("loans", loans.open(actor));
    model.addAttribute("lenders", LenderKind.values());
    model.addAttribute("periods", InterestPeriod.values());
    model.addAttribute(
        "form",
        form.values().isEmpty() ? FormState.of(Map.of("interestPeriod", "MONTH"), Map.of()) : form);
    return "care/loans";
  }

  private String page(Actor actor, UUID id, Model model, FormState repayment) {
    model.addAttribute("loan", loans.get(actor, id));
    model.addAttribute("ways", WayOut.values());
    model.addAttribute("form", repayment);
    if (!model.containsAttribute("notice")) {
      model.addAttribute("notice", null);
    }
    return "care/loan";
  }
}
