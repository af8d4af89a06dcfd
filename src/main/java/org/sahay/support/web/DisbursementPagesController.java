package org.sahay.support.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sahay.access.Actor;
import org.sahay.funds.AccountKind;
import org.sahay.funds.Ledger;
import org.sahay.needs.NeedView;
import org.sahay.needs.Needs;
import org.sahay.organisations.Today;
import org.sahay.platform.FormState;
import org.sahay.platform.Money;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.Ui;
import org.sahay.registry.Beneficiary;
import org.sahay.registry.Household;
import org.sahay.registry.Households;
import org.sahay.registry.MemberId;
import org.sahay.support.DisbursementId;
import org.sahay.support.SupportFiles;
import org.sahay.support.SupportInputs;
import org.sahay.support.SupportLineId;
import org.sahay.support.SupportLines;
import org.sahay.support.SupportOutcome;
import org.sahay.support.SupportPayments;
import org.sahay.support.SupportRequest;
import org.sahay.support.SupportRequestId;
import org.sahay.support.SupportRequests;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Paying people against an approved line: choose whom (from the line's people), then the amount,
 * mode, reference, date, proof and the needs it meets, all in one form that records nothing unless
 * all of it is right; reversing a payment with a reason; and the reconciliation, as a page and CSV.
 */
@Controller
class DisbursementPagesController {

  private final SupportRequests requests;
  private final SupportPayments payments;
  private final SupportLines lines;
  private final SupportFiles files;
  private final Households households;
  private final Needs needs;
  private final Ledger ledger;

  private final Today today;

  DisbursementPagesController(
      SupportPayments payments,
      SupportRequests requests,
      SupportLines lines,
      SupportFiles files,
      Households households,
      Needs needs,
      Ledger ledger,
      Today today) {
    this.today = today;
    this.requests = requests;
    this.payments = payments;
    this.lines = lines;
    this.files = files;
    this.households = households;
    this.needs = needs;
    this.ledger = ledger;
  }

  @GetMapping("/support/{id}/lines/{lineId}/pay")
  String payForm(
      Actor actor,
      @PathVariable SupportRequestId id,
      @PathVariable SupportLineId lineId,
      @RequestParam(name = "to", required = false) String to,
      Model model) {
    Map<String, String> values = new HashMap<>();
    values.put("to", to);
    values.put("paidOn", today.at(actor.organisation()).toString());
    values.put("mode", "UPI");
    return form(actor, id, lineId, model, FormState.of(values, Map.of()));
  }

  /** Records the payment and its proof together; a refused proof records nothing. */
  @PostMapping("/support/{id}/lines/{lineId}/pay")
  String pay(
      Actor actor,
      @PathVariable SupportRequestId id,
      @PathVariable SupportLineId lineId,
      PaymentForm form,
      @RequestParam(name = "proof", required = false) MultipartFile proof,
      @ModelAttribute("ui") Ui ui,
      Model model,
      RedirectAttributes redirect) {
    SupportLines.Payee payee = payee(actor, id, lineId, form.to());
    if (!Uploads.none(proof) && Uploads.tooBig(proof)) {
      return form(
          actor,
          id,
          lineId,
          model,
          FormState.of(form.values(), Map.of("file", "support.file.TOO_BIG")));
    }
    var outcome =
        files.disburse(
            actor,
            id,
            form.command(lineId, payee.beneficiary()),
            Uploads.none(proof) ? null : Uploads.bytes(proof));
    if (outcome instanceof SupportOutcome.Done<SupportPayments.Paid>) {
      redirect.addFlashAttribute("notice", "support.page.paid");
      return "redirect:/support/" + id + "#payments";
    }
    if (outcome instanceof SupportOutcome.Refused<SupportPayments.Paid> refused) {
      model.addAttribute("problem", Outcomes.text(ui, refused));
    }
    return form(actor, id, lineId, model, FormState.of(form.values(), Outcomes.errors(outcome)));
  }

  @PostMapping("/support/disbursements/{disbursementId}/reversal")
  String reverse(
      Actor actor,
      @PathVariable DisbursementId disbursementId,
      @RequestParam(name = "requestId") SupportRequestId requestId,
      @RequestParam(defaultValue = "") String reason,
      @ModelAttribute("ui") Ui ui,
      RedirectAttributes redirect) {
    var outcome = payments.reverse(actor, disbursementId, reason);
    if (outcome instanceof SupportOutcome.Done<SupportPayments.Paid>) {
      redirect.addFlashAttribute("notice", "support.page.reversed");
      return "redirect:/support/" + requests.get(actor, requestId).id() + "#payments";
    }
    redirect.addFlashAttribute(
        "problemKey",
        outcome instanceof SupportOutcome.Refused<SupportPayments.Paid> refused
            ? refused.messageKey()
            : "support.page.reason.required");
    return "redirect:/support/" + requests.get(actor, requestId).id() + "#payments";
  }

  @PostMapping("/support/disbursements/{disbursementId}/proof")
  String attachProof(
      Actor actor,
      @PathVariable DisbursementId disbursementId,
      @RequestParam(name = "requestId") SupportRequestId requestId,
      @RequestParam(name = "file", required = false) MultipartFile file,
      RedirectAttributes redirect) {
    String problem =
        Uploads.refusal(file, bytes -> files.attachProof(actor, disbursementId, bytes));
    SupportRequest request = requests.get(actor, requestId);
    redirect.addFlashAttribute(
        problem == null ? "notice" : "problemKey",
        problem == null ? "support.page.proofStored" : problem);
    return "redirect:/support/" + request.id() + "#payments";
  }

  @GetMapping("/support/disbursements/{disbursementId}/proof")
  ResponseEntity<byte[]> proof(Actor actor, @PathVariable DisbursementId disbursementId) {
    return Uploads.download(files.proof(actor, disbursementId), "proof-" + disbursementId);
  }

  @GetMapping("/support/{id}/reconciliation")
  String reconciliation(Actor actor, @PathVariable SupportRequestId id, Model model) {
    model.addAttribute("request", requests.get(actor, id));
    model.addAttribute("reconciliation", payments.reconciliation(actor, id));
    return "support/reconciliation";
  }

  @GetMapping("/support/{id}/reconciliation.csv")
  ResponseEntity<String> reconciliationCsv(Actor actor, @PathVariable SupportRequestId id) {
    return ReconciliationCsv.of(payments.reconciliationExport(actor, id), id);
  }

  /** The payment page's fields as posted; the service parses them, as it does the API's. */
  record PaymentForm(
      String to,
      String amount,
      String mode,
      String accountId,
      String reference,
      String paidOn,
      List<String> need) {

    SupportInputs.Disbursement command(SupportLineId line, Beneficiary to) {
      return new SupportInputs.Disbursement(
          line.toString(),
          to.memberId().map(Object::toString).orElse(null),
          to.householdId().map(Object::toString).orElse(null),
          null,
          amount,
          mode,
          blankToNull(accountId),
          blankToNull(reference),
          paidOn,
          need == null ? List.of() : need);
    }

    /** What was typed, to show again beside the errors. */
    Map<String, String> values() {
      Map<String, String> values = new HashMap<>();
      values.put("to", to);
      values.put("amount", amount);
      values.put("mode", mode);
      values.put("accountId", accountId);
      values.put("reference", reference);
      values.put("paidOn", paidOn);
      return values;
    }
  }

  private String form(
      Actor actor, SupportRequestId id, SupportLineId lineId, Model model, FormState form) {
    SupportRequest request = requests.get(actor, id);
    SupportRequest.Line line =
        request.lines().stream()
            .filter(l -> l.id().equals(lineId))
            .findFirst()
            .orElseThrow(NotFoundException::new);
    List<SupportLines.Payee> payees =
        lines.payees(actor, id).stream().filter(p -> p.line().equals(lineId)).toList();
    SupportLines.Payee chosen =
        payees.stream().filter(p -> p.ref().equals(form.value("to"))).findFirst().orElse(null);
    List<SupportPayments.Paid> paid =
        payments.disbursements(actor, id).stream()
            .filter(p -> p.line().equals(lineId) && !p.reversed())
            .toList();
    model.addAttribute("request", request);
    model.addAttribute("line", line);
    model.addAttribute("payees", payees);
    model.addAttribute("names", names(actor, payees));
    model.addAttribute("paid", paid);
    model.addAttribute("chosen", chosen);
    model.addAttribute(
        "openNeeds",
        chosen == null ? List.<NeedView>of() : needs.openOf(actor, chosen.beneficiary()));
    model.addAttribute(
        "accounts",
        ledger.accounts(actor, request.organisation()).stream()
            .filter(a -> a.kind() == AccountKind.CASH || a.kind() == AccountKind.BANK)
            .toList());
    model.addAttribute(
        "left",
        Money.ofPaise(
            (line.approvedPaise() == null ? 0 : line.approvedPaise()) - line.disbursedPaise()));
    model.addAttribute("form", form);
    if (!model.containsAttribute("problem")) {
      model.addAttribute("problem", null);
    }
    return "support/pay";
  }

  /** The names of the line's members, for the collective's own eyes only. */
  private Map<String, String> names(Actor actor, List<SupportLines.Payee> payees) {
    List<MemberId> ids = new ArrayList<>();
    for (SupportLines.Payee p : payees) {
      p.beneficiary().memberId().ifPresent(ids::add);
    }
    Map<String, String> names = new HashMap<>();
    for (Household.Person person : households.people(actor, ids)) {
      names.put(Beneficiary.member(person.id()).key(), person.name());
    }
    return names;
  }

  private SupportLines.Payee payee(
      Actor actor, SupportRequestId id, SupportLineId lineId, String ref) {
    return lines.payees(actor, id).stream()
        .filter(p -> p.line().equals(lineId) && p.ref().equals(ref))
        .findFirst()
        .orElseThrow(NotFoundException::new);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
