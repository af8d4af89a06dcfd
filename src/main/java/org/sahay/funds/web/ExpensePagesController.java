package org.sahay.funds.web;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.funds.Expense;
import org.sahay.funds.ExpenseCategory;
import org.sahay.funds.ExpenseId;
import org.sahay.funds.ExpenseInput;
import org.sahay.funds.ExpenseProofs;
import org.sahay.funds.Expenses;
import org.sahay.funds.FundsAction;
import org.sahay.funds.FundsOutcome;
import org.sahay.funds.Ledger;
import org.sahay.platform.FormState;
import org.sahay.platform.Money;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.sahay.platform.Ui;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Expenses: the list, recording one, and its proof (upload and download, admins only). */
@Controller
class ExpensePagesController {

  private final Expenses expenses;
  private final ExpenseProofs proofs;
  private final Ledger ledger;
  private final FundsPagesController pages;
  private final AccessPolicy policy;

  ExpensePagesController(
      Expenses expenses,
      ExpenseProofs proofs,
      Ledger ledger,
      FundsPagesController pages,
      AccessPolicy policy) {
    this.expenses = expenses;
    this.proofs = proofs;
    this.ledger = ledger;
    this.pages = pages;
    this.policy = policy;
  }

  @GetMapping("/funds/expenses")
  String list(
      Actor actor, @RequestParam(required = false) OrganisationId organisation, Model model) {
    OrganisationId target = organisation != null ? organisation : actor.organisation();
    if (target == null) {
      throw new NotFoundException();
    }
    model.addAttribute("expenses", expenses.all(actor, target));
    model.addAttribute("canWrite", policy.permits(actor, FundsAction.FUNDS_WRITE, target));
    return "funds/expenses";
  }

  @GetMapping("/funds/expenses/new")
  String form(Actor actor, Model model) {
    return form(
        actor,
        model,
        FormState.of(Map.of("spentOn", pages.today(actor), "peopleReached", "0"), Map.of()));
  }

  @PostMapping("/funds/expenses")
  String record(
      Actor actor,
      ExpenseInput form,
      BindingResult binding,
      @ModelAttribute("ui") Ui ui,
      Model model,
      RedirectAttributes redirect) {
    var outcome = expenses.record(actor, form);
    if (outcome instanceof FundsOutcome.Done<Expense>) {
      redirect.addFlashAttribute("notice", "funds.expense.recorded");
      return "redirect:/funds/expenses";
    }
    Map<String, String> errors = new HashMap<>(FundsPagesController.errors(outcome));
    if (outcome instanceof FundsOutcome.Refused<Expense> refused && refused.remaining() != null) {
      model.addAttribute(
          "refusalText",
          ui.t(
              "funds.refused." + refused.refusal().name(),
              ui.money(refused.remaining()),
              ui.money(refused.needed() == null ? Money.ZERO : refused.needed())));
    }
    return form(actor, model, FormState.of(form, binding, errors));
  }

  @PostMapping("/funds/expenses/{id}/proof")
  String upload(
      Actor actor,
      @PathVariable ExpenseId id,
      @RequestParam("file") MultipartFile file,
      RedirectAttributes redirect)
      throws IOException {
    ExpenseProofs.Upload outcome =
        file.getSize() > ExpenseProofs.MAX_BYTES
            ? ExpenseProofs.Upload.TOO_BIG
            : proofs.upload(actor, id, file.getBytes());
    redirect.addFlashAttribute("notice", "funds.proof." + outcome.name());
    return "redirect:/funds/expenses";
  }

  @GetMapping("/funds/expenses/{id}/proof")
  ResponseEntity<byte[]> download(Actor actor, @PathVariable ExpenseId id) {
    ExpenseProofs.Proof proof = proofs.download(actor, id);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(proof.contentType()))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("proof-" + id + "." + proof.extension())
                .build()
                .toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(proof.content());
  }

  private String form(Actor actor, Model model, FormState form) {
    OrganisationId own = actor.organisation();
    if (own == null) {
      throw new NotFoundException();
    }
    policy.require(actor, FundsAction.FUNDS_WRITE, own);
    model.addAttribute("form", form);
    model.addAttribute("categories", ExpenseCategory.values());
    model.addAttribute("funds", ledger.balances(actor, own).funds());
    model.addAttribute("accounts", pages.moneyAccounts(actor, own));
    if (!model.containsAttribute("refusalText")) {
      model.addAttribute("refusalText", null);
    }
    return "funds/expense-form";
  }
}
