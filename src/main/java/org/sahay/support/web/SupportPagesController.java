package org.sahay.support.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.organisations.LinkKind;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.Organisations;
import org.sahay.organisations.Today;
import org.sahay.platform.FormState;
import org.sahay.platform.NotFoundException;
import org.sahay.platform.OrganisationId;
import org.sahay.platform.Ui;
import org.sahay.relief.ReliefAction;
import org.sahay.relief.ReliefCatalogue;
import org.sahay.support.RequestStatus;
import org.sahay.support.SupportAction;
import org.sahay.support.SupportFiles;
import org.sahay.support.SupportGoods;
import org.sahay.support.SupportInputs;
import org.sahay.support.SupportOutcome;
import org.sahay.support.SupportPayments;
import org.sahay.support.SupportRequest;
import org.sahay.support.SupportRequestId;
import org.sahay.support.SupportRequests;
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

/**
 * Support requests as pages: the list (a collective's own, those addressed to a funder or mentor,
 * those of the collectives a mentor mentors), drafting one, the request with its lines, decisions,
 * comments and attachments, submitting it, and the funder's decision per line. Readers outside the
 * collective see member codes only.
 */
@Controller
class SupportPagesController {

  private final SupportRequests requests;
  private final SupportPayments payments;
  private final SupportFiles files;
  private final Organisations organisations;
  private final AccessPolicy policy;

  private final Today today;

  private final SupportGoods supportGoods;
  private final ReliefCatalogue catalogue;

  SupportPagesController(
      SupportPayments payments,
      SupportRequests requests,
      SupportFiles files,
      Organisations organisations,
      AccessPolicy policy,
      Today today,
      SupportGoods supportGoods,
      ReliefCatalogue catalogue) {
    this.today = today;
    this.supportGoods = supportGoods;
    this.catalogue = catalogue;
    this.requests = requests;
    this.payments = payments;
    this.files = files;
    this.organisations = organisations;
    this.policy = policy;
  }

  /** A whole number typed, or -1 when it is not one (refused by the decision as out of range). */
  private static Integer wholeNumber(String typed) {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(typed.strip().replace(",", ""));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  @GetMapping("/support")
  String list(Actor actor, Model model) {
    List<SupportRequest> found = requests.list(actor);
    model.addAttribute("requests", found);
    model.addAttribute("names", names(found));
    model.addAttribute("canCreate", mayRequest(actor));
    model.addAttribute("zone", today.zone(actor.organisation()));
    return "support/list";
  }

  @GetMapping("/support/new")
  String newRequest(Actor actor, Model model) {
    return draftForm(actor, model, FormState.empty());
  }

  /** A new draft as the API takes it, bound from the page; its lines are added one by one. */
  @PostMapping("/support")
  String create(Actor actor, SupportInputs.Request form, Model model, RedirectAttributes redirect) {
    if (!mayRequest(actor)) {
      throw new NotFoundException();
    }
    var outcome = requests.create(actor, form);
    if (outcome instanceof SupportOutcome.Done<SupportRequest> done) {
      redirect.addFlashAttribute("notice", "support.page.created");
      return "redirect:/support/" + done.value().id() + "/lines/new";
    }
    return draftForm(actor, model, FormState.of(form, Outcomes.errors(outcome)));
  }

  @GetMapping("/support/{id}")
  String show(Actor actor, @PathVariable SupportRequestId id, Model model) {
    return page(actor, requests.get(actor, id), model, FormState.empty(), null);
  }

  @PostMapping("/support/{id}/submit")
  String submit(
      Actor actor,
      @PathVariable SupportRequestId id,
      @ModelAttribute("ui") Ui ui,
      Model model,
      RedirectAttributes redirect) {
    var outcome = requests.submit(actor, id);
    if (outcome instanceof SupportOutcome.Done<SupportRequest>) {
      redirect.addFlashAttribute("notice", "support.page.submitted");
      return "redirect:/support/" + id;
    }
    return page(actor, requests.get(actor, id), model, FormState.empty(), text(ui, outcome));
  }

  @PostMapping("/support/{id}/close")
  String close(
      Actor actor,
      @PathVariable SupportRequestId id,
      @ModelAttribute("ui") Ui ui,
      Model model,
      RedirectAttributes redirect) {
    var outcome = requests.close(actor, id);
    if (outcome instanceof SupportOutcome.Done<SupportRequest>) {
      redirect.addFlashAttribute("notice", "support.page.closed");
      return "redirect:/support/" + id;
    }
    return page(actor, requests.get(actor, id), model, FormState.empty(), text(ui, outcome));
  }

  /** The funder's decision: per line the amount approved (0 refuses it) and a comment. */
  @PostMapping("/support/{id}/decision")
  String decide(
      Actor actor,
      @PathVariable SupportRequestId id,
      SupportInputs.Decision form,
      BindingResult binding,
      @ModelAttribute("ui") Ui ui,
      Model model,
      RedirectAttributes redirect) {
    var outcome = requests.decide(actor, id, form);
    if (outcome instanceof SupportOutcome.Done<SupportRequest>) {
      redirect.addFlashAttribute("notice", "support.page.decided");
      return "redirect:/support/" + id;
    }
    return page(
        actor,
        requests.get(actor, id),
        model,
        FormState.of(form, binding, Outcomes.errors(outcome)),
        text(ui, outcome));
  }

  @PostMapping("/support/{id}/comments")
  String comment(
      Actor actor,
      @PathVariable SupportRequestId id,
      @RequestParam(defaultValue = "") String body,
      Model model,
      RedirectAttributes redirect) {
    var outcome = requests.comment(actor, id, body);
    if (outcome instanceof SupportOutcome.Done<SupportRequest>) {
      redirect.addFlashAttribute("notice", "support.page.commented");
      return "redirect:/support/" + id + "#comments";
    }
    return page(
        actor,
        requests.get(actor, id),
        model,
        FormState.of(Map.of("body", body), Outcomes.errors(outcome)),
        null);
  }

  @PostMapping("/support/{id}/attachments")
  String attach(
      Actor actor,
      @PathVariable SupportRequestId id,
      @RequestParam(name = "file", required = false) MultipartFile file,
      RedirectAttributes redirect) {
    String problem = Uploads.refusal(file, bytes -> files.attach(actor, id, bytes));
    if (problem == null) {
      redirect.addFlashAttribute("notice", "support.page.attached");
    } else {
      requests.get(actor, id);
      redirect.addFlashAttribute("problemKey", problem);
    }
    return "redirect:/support/" + id + "#attachments";
  }

  /**
   * Goods of an approved goods line that arrived, from the request's page: the delivery as the API
   * takes it; a quantity that is not a whole number binds as none, which the service refuses.
   */
  @PostMapping("/support/{id}/deliveries")
  String deliver(
      Actor actor,
      @PathVariable SupportRequestId id,
      SupportInputs.Delivery form,
      BindingResult binding,
      @ModelAttribute("ui") Ui ui,
      Model model,
      RedirectAttributes redirect) {
    var outcome = supportGoods.deliver(actor, id, form);
    if (outcome instanceof SupportOutcome.Done<?>) {
      redirect.addFlashAttribute("notice", "support.page.deliveryRecorded");
      return "redirect:/support/" + id;
    }
    String problem =
        outcome instanceof SupportOutcome.Refused<?> refused
            ? Outcomes.text(ui, refused)
            : Outcomes.errors(outcome).values().stream()
                .map(ui::t)
                .distinct()
                .collect(java.util.stream.Collectors.joining(" "));
    return page(actor, requests.get(actor, id), model, FormState.of(form, Map.of()), problem);
  }

  @GetMapping("/support/{id}/attachments/{attachmentId}")
  ResponseEntity<byte[]> attachment(
      Actor actor, @PathVariable SupportRequestId id, @PathVariable UUID attachmentId) {
    return Uploads.download(
        files.attachment(actor, id, attachmentId), "attachment-" + attachmentId);
  }

  private String page(
      Actor actor, SupportRequest request, Model model, FormState form, String problem) {
    OrganisationId own = actor.organisation();
    boolean mine = request.organisation().equals(own) && mayRequest(actor);
    RequestStatus status = request.status();
    model.addAttribute("request", request);
    model.addAttribute("names", names(List.of(request)));
    model.addAttribute("mine", mine);
    model.addAttribute("editable", mine && status == RequestStatus.DRAFT);
    model.addAttribute(
        "canDecide",
        request.addressedTo().equals(own)
            && status == RequestStatus.SUBMITTED
            && policy.permits(actor, SupportAction.SUPPORT_DECIDE, request.organisation()));
    model.addAttribute(
        "canComment", policy.permits(actor, SupportAction.SUPPORT_COMMENT, request.organisation()));
    model.addAttribute(
        "payable",
        mine
            && (status == RequestStatus.APPROVED
                || status == RequestStatus.PARTLY_APPROVED
                || status == RequestStatus.DISBURSING));
    boolean goods = request.lines().stream().anyMatch(l -> l.itemId() != null);
    model.addAttribute("items", goods ? supportGoods.items(request) : Map.of());
    model.addAttribute(
        "locations",
        goods && mine && policy.permits(actor, ReliefAction.RELIEF_WRITE, own)
            ? catalogue.locations(actor)
            : List.of());
    model.addAttribute("attachments", files.attachments(actor, request.id()));
    model.addAttribute("paid", payments.disbursements(actor, request.id()));
    model.addAttribute("proofs", files.withProof(actor, request.id()));
    model.addAttribute("form", form);
    model.addAttribute("problem", problem);
    if (!model.containsAttribute("problemKey")) {
      model.addAttribute("problemKey", null);
    }
    if (!model.containsAttribute("notice")) {
      model.addAttribute("notice", null);
    }
    model.addAttribute("zone", today.zone(actor.organisation()));
    return "support/request";
  }

  private String draftForm(Actor actor, Model model, FormState form) {
    if (!mayRequest(actor)) {
      throw new NotFoundException();
    }
    List<Organisation> addressees = new ArrayList<>();
    addressees.addAll(organisations.linkedTo(actor.organisation(), LinkKind.FUNDER_OF));
    addressees.addAll(organisations.linkedTo(actor.organisation(), LinkKind.MENTOR_OF));
    model.addAttribute("addressees", addressees);
    model.addAttribute("form", form);
    return "support/new";
  }

  /** The names of the organisations on these requests: collectives and addressees. */
  private Map<OrganisationId, String> names(List<SupportRequest> found) {
    Map<OrganisationId, String> names = new HashMap<>();
    for (SupportRequest r : found) {
      for (OrganisationId id : List.of(r.organisation(), r.addressedTo())) {
        names.computeIfAbsent(
            id, o -> organisations.find(o).map(Organisation::name).orElse(o.toString()));
      }
    }
    return names;
  }

  private boolean mayRequest(Actor actor) {
    return actor.organisation() != null
        && policy.permits(actor, SupportAction.SUPPORT_REQUEST, actor.organisation());
  }

  private static String text(Ui ui, SupportOutcome<?> outcome) {
    return outcome instanceof SupportOutcome.Refused<?> refused ? Outcomes.text(ui, refused) : null;
  }
}
