package org.sahay.care.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sahay.access.Actor;
import org.sahay.care.CareOutcome;
import org.sahay.care.DeviceKind;
import org.sahay.care.DigitalInclusion;
import org.sahay.care.IncomeBand;
import org.sahay.care.LivelihoodActivity;
import org.sahay.care.LivelihoodStatus;
import org.sahay.care.Livelihoods;
import org.sahay.care.Reach;
import org.sahay.care.TrainingTopic;
import org.sahay.care.Trainings;
import org.sahay.platform.FormState;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Trainings, livelihoods and devices on pages: each a list and a form. */
@Controller
class PeoplePagesController {

  private final Trainings trainings;
  private final Livelihoods livelihoods;
  private final DigitalInclusion digital;

  PeoplePagesController(Trainings trainings, Livelihoods livelihoods, DigitalInclusion digital) {
    this.trainings = trainings;
    this.livelihoods = livelihoods;
    this.digital = digital;
  }

  /** The training form: attendance as codes; the material as an optional file. */
  record TrainingForm(String topic, String trainer, String heldOn, String attendance) {
    Trainings.Input input() {
      return new Trainings.Input(
          topic, trainer, heldOn, attendance == null ? List.of() : List.of(attendance));
    }
  }

  @GetMapping("/care/trainings")
  String trainings(Actor actor, Model model) {
    return trainings(actor, model, FormState.empty());
  }

  @PostMapping("/care/trainings")
  String training(
      Actor actor,
      TrainingForm form,
      @RequestParam(name = "file", required = false) MultipartFile file,
      Model model,
      RedirectAttributes redirect)
      throws IOException {
    var outcome = trainings.record(actor, form.input());
    if (outcome instanceof CareOutcome.Saved<Trainings.Training> saved) {
      String notice = "loan.changed";
      if (file != null && !file.isEmpty()) {
        var refused = trainings.attach(actor, saved.value().id(), file.getBytes());
        if (refused.isPresent()) {
          notice = "training.material." + refused.get().name();
        }
      }
      redirect.addFlashAttribute("notice", notice);
      return "redirect:/care/trainings";
    }
    return trainings(
        actor,
        model,
        FormState.of(form, ((CareOutcome.Invalid<Trainings.Training>) outcome).errors()));
  }

  @GetMapping("/care/trainings/{id}/material")
  ResponseEntity<byte[]> material(Actor actor, @PathVariable UUID id) {
    Trainings.Material material = trainings.material(actor, id);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(material.contentType()))
        .header("Content-Disposition", "attachment; filename=\"training-" + id + "\"")
        .body(material.content());
  }

  @GetMapping("/care/livelihoods")
  String livelihoods(Actor actor, Model model) {
    return livelihoods(actor, model, FormState.empty());
  }

  @PostMapping("/care/livelihoods")
  String livelihood(Actor actor, Livelihoods.Input form, Model model, RedirectAttributes redirect) {
    var outcome = livelihoods.record(actor, form);
    if (outcome instanceof CareOutcome.Saved<Livelihoods.Livelihood>) {
      redirect.addFlashAttribute("notice", "loan.changed");
      return "redirect:/care/livelihoods";
    }
    return livelihoods(
        actor,
        model,
        FormState.of(form, ((CareOutcome.Invalid<Livelihoods.Livelihood>) outcome).errors()));
  }

  @PostMapping("/care/livelihoods/{id}/status")
  String status(
      Actor actor,
      @PathVariable UUID id,
      Livelihoods.StatusInput form,
      RedirectAttributes redirect) {
    var outcome = livelihoods.status(actor, id, form);
    redirect.addFlashAttribute(
        "notice",
        outcome instanceof CareOutcome.Saved<?> ? "loan.changed" : "livelihood.status.invalid");
    return "redirect:/care/livelihoods";
  }

  @GetMapping("/care/devices")
  String devices(Actor actor, Model model) {
    return devices(actor, model, FormState.empty());
  }

  @PostMapping("/care/devices")
  String device(
      Actor actor, DigitalInclusion.DeviceInput form, Model model, RedirectAttributes redirect) {
    var outcome = digital.issue(actor, form);
    if (outcome instanceof CareOutcome.Saved<DigitalInclusion.Device>) {
      redirect.addFlashAttribute("notice", "loan.changed");
      return "redirect:/care/devices";
    }
    return devices(
        actor,
        model,
        FormState.of(form, ((CareOutcome.Invalid<DigitalInclusion.Device>) outcome).errors()));
  }

  @PostMapping("/care/devices/{id}/returned")
  String returned(Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
    digital.returned(actor, id);
    redirect.addFlashAttribute("notice", "loan.changed");
    return "redirect:/care/devices";
  }

  @PostMapping("/care/devices/reach")
  String reach(Actor actor, DigitalInclusion.ReachInput form, RedirectAttributes redirect) {
    var outcome = digital.reach(actor, form);
    redirect.addFlashAttribute(
        "notice", outcome instanceof CareOutcome.Saved<?> ? "loan.changed" : "care.member.unknown");
    return "redirect:/care/devices";
  }

  private String trainings(Actor actor, Model model, FormState form) {
    model.addAttribute("trainings", trainings.all(actor));
    model.addAttribute("topics", TrainingTopic.values());
    return page(model, form, "care/trainings");
  }

  private String livelihoods(Actor actor, Model model, FormState form) {
    model.addAttribute("livelihoods", livelihoods.list(actor, null));
    model.addAttribute("activities", LivelihoodActivity.values());
    model.addAttribute("statuses", LivelihoodStatus.values());
    model.addAttribute("bands", IncomeBand.values());
    return page(model, form, "care/livelihoods");
  }

  private String devices(Actor actor, Model model, FormState form) {
    model.addAttribute("devices", digital.devices(actor));
    model.addAttribute("kinds", DeviceKind.values());
    model.addAttribute("reaches", Reach.values());
    return page(model, form, "care/devices");
  }

  private static String page(Model model, FormState form, String view) {
    model.addAttribute("form", form.values().isEmpty() ? FormState.of(Map.of(), Map.of()) : form);
    if (!model.containsAttribute("notice")) {
      model.addAttribute("notice", null);
    }
    return view;
  }
}
