package org.sahay.entitlements.web;

import java.util.List;
import java.util.Map;
import org.sahay.access.AccessPolicy;
import org.sahay.access.Actor;
import org.sahay.entitlements.Drive;
import org.sahay.entitlements.DriveId;
import org.sahay.entitlements.Drives;
import org.sahay.entitlements.EntitlementAction;
import org.sahay.entitlements.EntitlementOutcome;
import org.sahay.entitlements.EntitlementStatus;
import org.sahay.entitlements.Schemes;
import org.sahay.organisations.Today;
import org.sahay.platform.FormState;
import org.sahay.platform.NotFoundException;
import org.sahay.registry.DocumentType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Drives on pages: the collective's drives, a form to start one, and a drive's progress ("44 of 60
 * granted") with what blocks the rest, its members, and a form to add members by a missing document
 * or by their codes.
 */
@Controller
class DrivePagesController {

  private final Drives drives;
  private final Schemes schemes;
  private final AccessPolicy policy;
  private final Today today;

  DrivePagesController(Drives drives, Schemes schemes, AccessPolicy policy, Today today) {
    this.drives = drives;
    this.schemes = schemes;
    this.policy = policy;
    this.today = today;
  }

  @GetMapping("/entitlements/drives")
  String list(Actor actor, Model model) {
    model.addAttribute("drives", drives.list(actor));
    model.addAttribute("canStart", mayWrite(actor));
    return "entitlements/drives";
  }

  @GetMapping("/entitlements/drives/new")
  String newDrive(Actor actor, Model model) {
    if (!mayWrite(actor)) {
      throw new NotFoundException();
    }
    String day = today.at(actor.organisation()).toString();
    return form(actor, model, FormState.of(Map.of("startsOn", day, "endsOn", day), Map.of()));
  }

  @PostMapping("/entitlements/drives")
  String create(
      Actor actor,
      Drives.Input form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    var outcome = drives.create(actor, form);
    if (outcome instanceof EntitlementOutcome.Saved<Drive> saved) {
      redirect.addFlashAttribute("notice", "drive.started");
      return "redirect:/entitlements/drives/" + saved.value().id();
    }
    Map<String, String> errors = ((EntitlementOutcome.Invalid<Drive>) outcome).errors();
    return form(actor, model, FormState.of(form, binding, errors));
  }

  @GetMapping("/entitlements/drives/{id}")
  String progress(Actor actor, @PathVariable DriveId id, Model model) {
    return page(actor, id, model, FormState.empty());
  }

  /** The add-members form: a document the members lack, and codes one per line or with commas. */
  record PickForm(String without, String openNeed, String codes) {

    Drives.Pick pick() {
      return new Drives.Pick(without, openNeed, codes == null ? List.of() : List.of(codes));
    }
  }

  @PostMapping("/entitlements/drives/{id}/members")
  String add(
      Actor actor,
      @PathVariable DriveId id,
      PickForm form,
      Model model,
      RedirectAttributes redirect) {
    var outcome = drives.add(actor, id, form.pick());
    if (outcome instanceof EntitlementOutcome.Saved<Drives.Added> saved) {
      redirect.addFlashAttribute("notice", "drive.added");
      redirect.addFlashAttribute(
          "noticeArgs",
          new String[] {
            String.valueOf(saved.value().added()), String.valueOf(saved.value().alreadyIn())
          });
      return "redirect:/entitlements/drives/" + id;
    }
    return page(
        actor,
        id,
        model,
        FormState.of(form, ((EntitlementOutcome.Invalid<Drives.Added>) outcome).errors()));
  }

  private String page(Actor actor, DriveId id, Model model, FormState form) {
    model.addAttribute("progress", drives.progress(actor, id));
    model.addAttribute("canAdd", mayWrite(actor));
    model.addAttribute("documentTypes", List.of(DocumentType.values()));
    model.addAttribute("needCategories", Drives.NEEDS_THAT_PICK);
    model.addAttribute("statuses", List.of(EntitlementStatus.values()));
    model.addAttribute("form", form);
    if (!model.containsAttribute("notice")) {
      model.addAttribute("notice", null);
    }
    if (!model.containsAttribute("noticeArgs")) {
      model.addAttribute("noticeArgs", new String[0]);
    }
    return "entitlements/drive";
  }

  private String form(Actor actor, Model model, FormState form) {
    model.addAttribute("form", form);
    model.addAttribute("schemes", schemes.list(actor));
    return "entitlements/drive-form";
  }

  private boolean mayWrite(Actor actor) {
    return actor.organisation() != null
        && policy.permits(actor, EntitlementAction.ENTITLEMENT_WRITE, actor.organisation());
  }
}
