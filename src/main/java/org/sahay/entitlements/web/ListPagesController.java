package org.sahay.entitlements.web;

import java.util.List;
import java.util.Map;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.entitlements.BeneficiaryList;
import org.sahay.entitlements.BeneficiaryListId;
import org.sahay.entitlements.BeneficiaryLists;
import org.sahay.entitlements.Drives;
import org.sahay.entitlements.EntitlementAction;
import org.sahay.entitlements.EntitlementOutcome;
import org.sahay.entitlements.ListTemplates;
import org.sahay.entitlements.Schemes;
import org.sahay.entitlements.SentLists;
import org.sahay.organisations.LinkKind;
import org.sahay.organisations.Organisation;
import org.sahay.organisations.Organisations;
import org.sahay.platform.FormState;
import org.sahay.registry.DocumentType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * District lists on pages: the log of lists sent (for a collective) or received (for an office's
 * liaison), the form to make one, and a list's page with its exports, the members left out for lack
 * of consent (collective only) and the acknowledgement (liaison only). A locked spreadsheet's
 * password is shown on the page that offers it and posted back with the download; it is kept
 * nowhere.
 */
@Controller
class ListPagesController {

  private final BeneficiaryLists lists;
  private final SentLists sent;
  private final ListTemplates templates;
  private final Schemes schemes;
  private final Drives drives;
  private final Organisations organisations;
  private final AccessPolicy policy;

  ListPagesController(
      BeneficiaryLists lists,
      SentLists sent,
      ListTemplates templates,
      Schemes schemes,
      Drives drives,
      Organisations organisations,
      AccessPolicy policy) {
    this.lists = lists;
    this.sent = sent;
    this.templates = templates;
    this.schemes = schemes;
    this.drives = drives;
    this.organisations = organisations;
    this.policy = policy;
  }

  @GetMapping("/entitlements/lists")
  String log(Actor actor, Model model) {
    model.addAttribute("lists", lists.lists(actor));
    model.addAttribute("canMake", maySend(actor));
    model.addAttribute("names", names(actor));
    return "entitlements/lists";
  }

  @GetMapping("/entitlements/lists/new")
  String newList(Actor actor, Model model) {
    if (!model.containsAttribute("notice")) {
      model.addAttribute("notice", null);
    }
    return form(actor, model, FormState.empty());
  }

  /** The list form's fields; codes one per line or with commas. */
  record ListForm(
      String template,
      String office,
      String title,
      String without,
      String openNeed,
      String drive,
      String codes,
      String scheme) {

    BeneficiaryLists.Input input() {
      return new BeneficiaryLists.Input(
          template,
          office,
          title,
          without,
          openNeed,
          drive,
          codes == null ? List.of() : List.of(codes),
          scheme);
    }
  }

  @PostMapping("/entitlements/lists")
  String make(Actor actor, ListForm form, Model model, RedirectAttributes redirect) {
    var outcome = lists.make(actor, form.input());
    if (outcome instanceof EntitlementOutcome.Saved<BeneficiaryLists.Made> saved) {
      redirect.addFlashAttribute("notice", "list.sent");
      return "redirect:/entitlements/lists/" + saved.value().list().id();
    }
    return form(
        actor,
        model,
        FormState.of(form, ((EntitlementOutcome.Invalid<BeneficiaryLists.Made>) outcome).errors()));
  }

  @GetMapping("/entitlements/lists/{id}")
  String list(Actor actor, @PathVariable BeneficiaryListId id, Model model) {
    BeneficiaryList list = lists.get(actor, id);
    boolean sender =
        policy.permits(actor, EntitlementAction.DISTRICT_LIST_SEND, list.organisation());
    model.addAttribute("list", list);
    model.addAttribute("sender", sender);
    model.addAttribute("leftOut", sender ? lists.leftOut(actor, id) : List.of());
    model.addAttribute("opened", sent.open(actor, id));
    model.addAttribute("names", names(actor));
    if (!model.containsAttribute("notice")) {
      model.addAttribute("notice", null);
    }
    return "entitlements/list";
  }

  @GetMapping("/entitlements/lists/{id}/export")
  ResponseEntity<byte[]> export(
      Actor actor,
      @PathVariable BeneficiaryListId id,
      @RequestParam(defaultValue = "csv") String format) {
    return ListApiController.download(sent.export(actor, id, format), id, format);
  }

  /** Shows a new password once, with the button that downloads the file locked with it. */
  @GetMapping("/entitlements/lists/{id}/locked")
  String locked(Actor actor, @PathVariable BeneficiaryListId id, Model model) {
    model.addAttribute("list", lists.get(actor, id));
    model.addAttribute("password", sent.newPassword());
    return "entitlements/locked";
  }

  @PostMapping("/entitlements/lists/{id}/locked.xlsx")
  ResponseEntity<byte[]> lockedFile(
      Actor actor, @PathVariable BeneficiaryListId id, @RequestParam String password) {
    if (password.length() < 12) {
      return ResponseEntity.badRequest().build();
    }
    var locked = sent.exportLocked(actor, id, password);
    return ListApiController.download(locked.file(), id, "xlsx");
  }

  @PostMapping("/entitlements/lists/{id}/rows/{position}/supplied")
  String supplied(
      Actor actor,
      @PathVariable BeneficiaryListId id,
      @PathVariable int position,
      RedirectAttributes redirect) {
    sent.supplied(actor, id, position);
    redirect.addFlashAttribute("notice", "list.supplied.done");
    return "redirect:/entitlements/lists/" + id + "#row-" + position;
  }

  @GetMapping("/entitlements/lists/templates/new")
  String newTemplate(Actor actor, Model model) {
    templates.templates(actor);
    return templateForm(
        model, FormState.of(Map.of("dateFormat", "dd/MM/yyyy", "language", "en"), Map.of()));
  }

  /** One column of the template form: its order (blank leaves it out) and its heading. */
  record Column(String column, String order, String heading) {}

  /** The template form: name, date format, language, and the columns with order and heading. */
  record TemplateForm(String name, String dateFormat, String language, List<Column> cols) {

    ListTemplates.TemplateInput input() {
      List<Column> chosen =
          (cols == null ? List.<Column>of() : cols)
              .stream()
                  .filter(
                      c -> c != null && c.order() != null && c.order().strip().matches("\\d{1,2}"))
                  .sorted(
                      java.util.Comparator.comparingInt(c -> Integer.parseInt(c.order().strip())))
                  .toList();
      return new ListTemplates.TemplateInput(
          name,
          chosen.stream().map(Column::column).toList(),
          chosen.stream().map(Column::heading).toList(),
          dateFormat,
          language);
    }
  }

  @PostMapping("/entitlements/lists/templates")
  String addTemplate(Actor actor, TemplateForm form, Model model, RedirectAttributes redirect) {
    var outcome = templates.addTemplate(actor, form.input());
    if (outcome instanceof EntitlementOutcome.Saved<?>) {
      redirect.addFlashAttribute("notice", "list.template.saved");
      return "redirect:/entitlements/lists/new";
    }
    return templateForm(
        model,
        FormState.of(
            form,
            ((EntitlementOutcome.Invalid<org.sahay.entitlements.ListTemplate>) outcome).errors()));
  }

  private String templateForm(Model model, FormState form) {
    model.addAttribute("form", form);
    model.addAttribute("columns", List.of(org.sahay.entitlements.ListColumn.values()));
    model.addAttribute("languages", List.of(org.sahay.platform.Language.values()));
    return "entitlements/template-form";
  }

  @PostMapping("/entitlements/lists/{id}/acknowledgement")
  String acknowledge(Actor actor, @PathVariable BeneficiaryListId id, RedirectAttributes redirect) {
    sent.acknowledge(actor, id);
    redirect.addFlashAttribute("notice", "list.acknowledged.done");
    return "redirect:/entitlements/lists/" + id;
  }

  private String form(Actor actor, Model model, FormState form) {
    model.addAttribute("form", form);
    model.addAttribute("templates", templates.templates(actor));
    model.addAttribute(
        "offices", organisations.linkedTo(actor.organisation(), LinkKind.LIAISES_WITH));
    model.addAttribute("drives", drives.list(actor));
    model.addAttribute("schemes", schemes.list(actor));
    model.addAttribute("documentTypes", List.of(DocumentType.values()));
    model.addAttribute("needCategories", Drives.NEEDS_THAT_PICK);
    return "entitlements/list-form";
  }

  /** Organisations by id, to name the office or the collective of each list. */
  private Map<String, String> names(Actor actor) {
    Map<String, String> names = new java.util.HashMap<>();
    List<Organisation> known = new java.util.ArrayList<>(organisations.visibleTo(actor));
    if (actor.organisation() != null) {
      known.addAll(organisations.linkedFrom(actor.organisation(), LinkKind.LIAISES_WITH));
      known.addAll(organisations.linkedTo(actor.organisation(), LinkKind.LIAISES_WITH));
    }
    known.forEach(o -> names.put(o.id().toString(), o.name()));
    return names;
  }

  private boolean maySend(Actor actor) {
    return actor.organisation() != null
        && policy.permits(actor, EntitlementAction.DISTRICT_LIST_SEND, actor.organisation());
  }
}
